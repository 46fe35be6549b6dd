namespace Ltv.Domain.Customers;

/// <summary>
/// The id of a customer, which is also the id of the customer's event stream.
/// Never empty or blank: an id nobody can read back is not an id.
/// </summary>
public readonly record struct CustomerId : IComparable<CustomerId>
{
    private readonly string? _value;

    public CustomerId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException("A customer id is a non-empty, non-blank string.", nameof(value));
        }

        _value = value;
    }

    // default(CustomerId) has no value; reading it as "" keeps Value non-null without throwing from ToString.
    public string Value => _value ?? string.Empty;

    public static bool IsValid(string? value) => !string.IsNullOrWhiteSpace(value);

    public static bool TryCreate(string? value, out CustomerId id)
    {
        if (!IsValid(value))
        {
            id = default;
            return false;
        }

        id = new CustomerId(value!);
        return true;
    }

    // Ranking ties are broken by customer id, ordinally, so that the database and this code agree.
    public int CompareTo(CustomerId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
