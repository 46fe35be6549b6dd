namespace Ltv.Projections.Tests.Marten.Scale;

/// <summary>
/// A measurement, not a test: it builds a store of about a million events and runs for minutes, so it runs only when
/// LTV_SCALE=1 is set.
/// </summary>
public sealed class ScaleFactAttribute : FactAttribute
{
    public ScaleFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LTV_SCALE") != "1")
        {
            Skip = "A measurement: set LTV_SCALE=1 to run it.";
        }
    }
}
