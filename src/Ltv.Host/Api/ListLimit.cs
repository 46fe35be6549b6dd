namespace Ltv.Host.Api;

/// <summary>How many rows one HTTP list answer holds at most (rejections, ingest runs, top customers over a period).</summary>
public static class ListLimit
{
    public const int Max = 1000;

    /// <summary>The limit asked for, or a user error when it is outside 1 to <see cref="Max"/>.</summary>
    public static int Checked(int limit) =>
        limit is >= 1 and <= Max ? limit : throw new UserError($"limit must be from 1 to {Max}; it is {limit}.");
}
