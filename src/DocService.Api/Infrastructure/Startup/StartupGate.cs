using Microsoft.Extensions.Options;

namespace DocService.Api.Infrastructure.Startup;

/// <summary>
/// A dependency the service cannot run without (its database, its object store), checked once before the host
/// starts taking requests. A failure names the setting to fix.
/// </summary>
public interface IStartupCheck
{
    Task CheckAsync(CancellationToken ct);
}

/// <summary>What an operator must fix before the service can start, in one sentence that starts with the setting.</summary>
public sealed class StartupRefusedException(string setting, string problem) : Exception($"{setting}: {problem}")
{
    public string Setting { get; } = setting;
}

/// <summary>
/// Runs the host only when its configuration holds and its dependencies answer. Otherwise the operator gets one
/// line per problem, naming the setting, on standard error, and the process exits with EX_CONFIG (78) instead of
/// starting and answering 500 to every request, or dying with a stack trace.
/// </summary>
public static class StartupGate
{
    public const int ConfigurationExitCode = 78;
    const string Prefix = "DocService refuses to start: ";

    public static async Task<int> RunCheckedAsync(this WebApplication app)
    {
        var problems = await ProblemsAsync(app.Services, app.Lifetime.ApplicationStopping);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                await Console.Error.WriteLineAsync(Prefix + problem);
            return ConfigurationExitCode;
        }
        await app.RunAsync();
        return 0;
    }

    static async Task<IReadOnlyList<string>> ProblemsAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        // Every invalid setting at once, so an operator fixes them in one go (several options types fail as an aggregate).
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).ToList();
        }
        foreach (var check in services.GetServices<IStartupCheck>())
        {
            try
            {
                await check.CheckAsync(ct);
            }
            catch (StartupRefusedException e)
            {
                return [e.Message];
            }
        }
        return [];
    }
}
