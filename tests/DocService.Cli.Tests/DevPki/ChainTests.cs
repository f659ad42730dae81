using Shouldly;
using Xunit;

namespace DocService.Cli.Tests.DevPki;

public sealed class ChainTests(GeneratedPki pki)
{
    [Fact]
    public void Every_valid_end_entity_chains_to_the_root_through_the_issuing_ca()
    {
        var endEntities = pki.WithRole("official", "organisation", "tsa", "ocsp", "revoked").ToList();
        endEntities.Count.ShouldBe(7);

        var failures = endEntities
            .Select(entry => OpenSsl.Run(pki.Directory, "verify", "-CAfile", "root.crt", "-untrusted", "issuing-ca.crt", entry.Certificate))
            .Where(result => result.ExitCode != 0)
            .Select(result => result.Output);

        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Expired_certificate_fails_verification_as_expired()
    {
        var (exitCode, output) = OpenSsl.Run(pki.Directory,
            "verify", "-CAfile", "root.crt", "-untrusted", "issuing-ca.crt", pki.WithRole("expired").Single().Certificate);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("certificate has expired");
    }

    [Fact]
    public void Expired_certificate_was_valid_within_its_issuers_lifetime()
    {
        var expired = pki.WithRole("expired").Single().Certificate;
        var (exitCode, output) = OpenSsl.Run(pki.Directory, "verify", "-attime", Epoch(DateTimeOffset.UtcNow.AddDays(-100)),
            "-CAfile", "root.crt", "-untrusted", "issuing-ca.crt", expired);

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public void Issuing_ca_may_only_issue_end_entities()
    {
        var text = OpenSsl.Text(pki.Directory, "issuing-ca.crt");

        text.ShouldContain("CA:TRUE, pathlen:0");
        text.ShouldContain("Certificate Sign, CRL Sign");
    }

    [Fact]
    public void Root_is_self_signed_and_lives_about_twenty_years()
    {
        var (exitCode, output) = OpenSsl.Run(pki.Directory, "verify", "-CAfile", "root.crt", "root.crt");
        exitCode.ShouldBe(0, output);

        using var root = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(pki.PathOf("root.crt"));
        (root.NotAfter - root.NotBefore).TotalDays.ShouldBeInRange(19 * 365, 21 * 366);
        root.NotAfter.ShouldBeGreaterThan(DateTime.Now.AddYears(15));
    }

    static string Epoch(DateTimeOffset moment) => moment.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
