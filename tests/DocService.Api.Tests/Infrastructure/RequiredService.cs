namespace DocService.Api.Tests.Infrastructure;

/// <summary>
/// Tests that need a real service read its address from the environment. Without it they skip
/// with the reason; under the test command (DOCSERVICE_REQUIRE_SERVICES=1) they fail instead.
/// </summary>
public static class RequiredService
{
    public static bool Required => Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_SERVICES") == "1";

    public static string Get(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        var reason = $"{service} is not configured: set {variable} (./test.sh starts it).";
        if (Required)
            Assert.Fail(reason);
        Assert.Skip(reason);
        return "";
    }
}
