using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Projections.Lifetime;
using Ltv.Projections.Store.Customers;
using Spectre.Console;
using Wolverine;

namespace Ltv.Host.Customers;

/// <summary><c>ltv customer ID</c>: sends <see cref="GetCustomer"/>, as GET /api/customers/{id} and its /events do.</summary>
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
            var query = new GetCustomer(parse.GetValue(id)!);
            var view = (await app.Bus.InvokeAsync<CustomerAnswer>(query, ct)).Customer ?? throw new UserError(query.NotFound);
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

    /// <summary>The customer's record with its events' records under "events": the two answers of the HTTP API in one.</summary>
    private static JsonObject Json(CustomerView v)
    {
        var customer = JsonSerializer.SerializeToNode(CustomerResponse.From(v), JsonOutput.Options)!.AsObject();
        customer["events"] = JsonSerializer.SerializeToNode(v.Stream.Select(CustomerEventResponse.From).ToList(), JsonOutput.Options);
        return customer;
    }

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
