using DocService.Signing.Keys;

namespace DocService.Signing.Tests.Support;

/// <summary>
/// The SoftHSM2 token the test command prepares (scripts/services.sh start_softhsm): token "docservice"
/// with the certs-dev keys organisation, official-rsa3072 and official-ecdsa-p256, each beside its
/// certificate. Without it the tests skip; under the test command they fail.
/// </summary>
public static class SoftHsm
{
    public static string Module => Get("DOCSERVICE_PKCS11_MODULE");
    public static string Token => Get("DOCSERVICE_PKCS11_TOKEN");
    public static string Pin => Get("DOCSERVICE_PKCS11_PIN");

    public static Pkcs11Options Options(string keyLabel, SignatureAlgorithm? algorithm = null, int maxSessions = 4) => new()
    {
        Module = Module,
        TokenLabel = Token,
        Pin = Pin,
        KeyLabel = keyLabel,
        SignatureAlgorithm = algorithm,
        MaxSessions = maxSessions,
    };

    static string Get(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        var reason = $"SoftHSM2 is not configured: set {variable} and SOFTHSM2_CONF (./test.sh prepares a token).";
        if (Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_SERVICES") == "1")
            Assert.Fail(reason);
        Assert.Skip(reason);
        return "";
    }
}
