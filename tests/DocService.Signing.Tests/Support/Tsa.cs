using DocService.Signing.Timestamps;

namespace DocService.Signing.Tests.Support;

/// <summary>The development TSA (certs-dev/tsa.p12) in process.</summary>
public static class Tsa
{
    public static TimestampAuthority Authority { get; } = new(DevPki.Signer("tsa"), TimestampAuthority.DevelopmentPolicy);

    public static ITimestampClient Client { get; } = new LocalTimestampClient(Authority);
}
