using DocService.Exchange.Transport;

namespace DocService.AxisSimulator;

/// <summary>Builds the simulator host; tests call it with their own settings and a loopback port.</summary>
public static class AxisSimulatorApp
{
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAxisSimulator(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);

        var app = builder.Build();
        app.MapAxisSimulator();
        return app;
    }

    internal static async Task<IResult> HandleAsync(
        string operation, HttpContext context, SdkAuthentication auth, AxisOperations axis, AgencyOperations agencies, AxisStore store, FaultInjector faults,
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

        var (caller, error) = auth.Authenticate(context.Request.Headers);
        if (caller is null)
            return AxisOperations.Fail(StatusCodes.Status401Unauthorized, "auth.failed", error!);

        var result = operation switch
        {
            VdxpProtocol.SendEdoc => await axis.SendEdocAsync(caller, context.Request, ct),
            VdxpProtocol.GetReceivedEdocList => axis.GetReceivedEdocList(caller),
            VdxpProtocol.GetEdoc => axis.GetEdoc(caller),
            VdxpProtocol.UpdateStatus => axis.UpdateStatus(caller),
            VdxpProtocol.GetSentEdocList => axis.GetSentEdocList(caller),
            VdxpProtocol.GetAgenciesList => agencies.GetAgenciesList(),
            _ => await agencies.RegisterAgencyAsync(context.Request, ct),
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
