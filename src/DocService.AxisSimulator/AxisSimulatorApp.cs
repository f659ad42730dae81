using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>Builds the simulator host; tests call it with their own settings and a loopback port.</summary>
public static class AxisSimulatorApp
{
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.Configure<AxisOptions>(builder.Configuration.GetSection("Axis"));
        builder.Services.Configure<FaultOptions>(builder.Configuration.GetSection("Faults"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AxisStore>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<HmacAuthentication>();
        builder.Services.AddSingleton<AxisOperations>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);

        var app = builder.Build();
        app.MapGet("/", () => Results.Text("DocService axis simulator (VDXP protocol). POST /{operation}."));
        app.MapPost("/{operation}", HandleAsync);
        return app;
    }

    static async Task<IResult> HandleAsync(
        string operation, HttpContext context, HmacAuthentication auth, AxisOperations axis, AxisStore store, FaultInjector faults,
        CancellationToken ct)
    {
        if (!VdxpProtocol.Operations.Contains(operation))
            return AxisOperations.Fail(StatusCodes.Status404NotFound, "operation.unknown", $"No operation {operation}.");
        store.Requests.AddOrUpdate(operation, 1, (_, n) => n + 1);

        var fault = faults.Options;
        if (fault.DelayMs > 0 && faults.Chance(fault.DelayRate))
            await Task.Delay(fault.DelayMs, ct);
        if (faults.Chance(fault.Http500Rate))
            return AxisOperations.Fail(StatusCodes.Status500InternalServerError, "simulated.500", "Injected fault: internal error.");

        var (caller, error) = auth.Authenticate(operation, context.Request.Headers);
        if (caller is null)
            return AxisOperations.Fail(StatusCodes.Status401Unauthorized, "auth.failed", error!);

        var headers = context.Request.Headers;
        var result = operation switch
        {
            VdxpProtocol.SendEdoc => await axis.SendEdocAsync(caller, context.Request, ct),
            VdxpProtocol.GetReceivedEdocList => axis.GetReceivedEdocList(caller),
            VdxpProtocol.GetEdoc => axis.GetEdoc(caller, headers[VdxpProtocol.DocId].ToString()),
            VdxpProtocol.UpdateStatus => axis.UpdateStatus(caller, headers[VdxpProtocol.DocId].ToString(), headers[VdxpProtocol.Status].ToString()),
            _ => axis.GetSentEdocList(caller),
        };

        if (faults.Chance(fault.DropRate))
        {
            // Processed, but the caller never hears so: the case idempotency exists for.
            context.Abort();
            return Results.Empty;
        }
        return result;
    }
}
