using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Store.Customers;
using Spectre.Console;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv customer ID</c>: profile, lifetime figures, and the customer's stream.</summary>
public static class CustomerCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The customer id." };
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("customer", "Show one customer: profile, lifetime figures and events.") { id, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            var customerId = parse.GetValue(id)!;
            var view = await app.Get<CustomerQuery>().ExecuteAsync(customerId, ct)
                ?? throw new UserError($"No customer '{customerId}': no event of that customer was accepted.");
            await using var target = OutputTarget.Open(null);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await target.Writer.WriteLineAsync(JsonSerializer.Serialize(Json(view), JsonOutput.Options));
            }
            else
            {
                Write(view, target.Console);
            }

            return 0;
        });
        return command;
    }

    private static object Json(CustomerView v) => new
    {
        v.CustomerId,
        v.HasCustomerEvent,
        profile = new { v.LastName, v.City, v.State },
        previousProfile = new { LastName = v.PreviousLastName, City = v.PreviousCity, State = v.PreviousState },
        v.Visits,
        v.Images,
        v.Orders,
        Revenue = Numbers.Money(v.Revenue),
        v.FirstEventTime,
        v.LastEventTime,
        v.Weeks,
        events = v.Stream.Select(e => new { version = e.StreamVersion, type = e.EventType, data = JsonDocument.Parse(e.Data).RootElement, e.RecordedAt }),
    };

    private static void Write(CustomerView v, IAnsiConsole console)
    {
        var figures = new Table().HideHeaders().NoBorder().AddColumns("field", "value");
        figures.AddRow("Customer", Markup.Escape(v.CustomerId));
        figures.AddRow("Last name", Markup.Escape(v.LastName ?? (v.HasCustomerEvent ? LastNames.NotGiven : LastNames.NoCustomerEvent)));
        figures.AddRow("City, state", Markup.Escape($"{v.City}, {v.State}"));
        if (v.PreviousLastName is not null || v.PreviousCity is not null || v.PreviousState is not null)
        {
            figures.AddRow("Previously", Markup.Escape($"{v.PreviousLastName}, {v.PreviousCity}, {v.PreviousState}"));
        }

        figures.AddRow("Visits", Numbers.Count(v.Visits));
        figures.AddRow("Images", Numbers.Count(v.Images));
        figures.AddRow("Orders", Numbers.Count(v.Orders));
        figures.AddRow("Revenue", Numbers.MoneyText(v.Revenue));
        figures.AddRow("First event", Numbers.Time(v.FirstEventTime));
        figures.AddRow("Last event", Numbers.Time(v.LastEventTime));
        figures.AddRow("Weeks (customer timeframe)", v.Weeks.ToString(CultureInfo.InvariantCulture));
        console.Write(figures);

        var events = new Table().AddColumns("Version", "Type", "Event time", "Data");
        foreach (var e in v.Stream)
        {
            using var data = JsonDocument.Parse(e.Data);
            var time = data.RootElement.TryGetProperty("eventTime", out var t) ? t.GetString() : "";
            events.AddRow(e.StreamVersion.ToString(CultureInfo.InvariantCulture), e.EventType, time ?? "", Markup.Escape(e.Data));
        }

        console.Write(events);
    }
}
