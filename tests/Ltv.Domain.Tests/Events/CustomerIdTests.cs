using Ltv.Domain.Customers;

namespace Ltv.Domain.Tests.Events;

public sealed class CustomerIdTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void an_empty_or_blank_customer_id_cannot_be_created(string? value)
    {
        CustomerId.TryCreate(value, out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => new CustomerId(value!));
    }

    [Fact]
    public void a_customer_id_reads_back_exactly_as_given()
    {
        CustomerId.TryCreate(" 96f55c7d8f42", out CustomerId id).ShouldBeTrue();

        id.Value.ShouldBe(" 96f55c7d8f42");
        id.ToString().ShouldBe(" 96f55c7d8f42");
    }

    [Fact]
    public void customer_ids_are_equal_by_value_and_case_sensitive()
    {
        new CustomerId("abc").ShouldBe(new CustomerId("abc"));
        new CustomerId("abc").ShouldNotBe(new CustomerId("ABC"));
    }

    [Fact]
    public void customer_ids_order_ordinally_so_upper_case_comes_before_lower_case()
    {
        new CustomerId("B").CompareTo(new CustomerId("a")).ShouldBeLessThan(0);
        new CustomerId("a").CompareTo(new CustomerId("ab")).ShouldBeLessThan(0);
    }
}
