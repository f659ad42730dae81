using Shouldly;
using Xunit;

namespace DocService.Cli.Tests.DevPki;

public sealed class RevocationTests(GeneratedPki pki)
{
    [Fact]
    public void Revoked_certificate_is_listed_in_the_crl()
    {
        var (exitCode, output) = VerifyAgainstCrl(pki.WithRole("revoked").Single().Certificate);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("certificate revoked");
    }

    [Fact]
    public void Good_certificate_passes_the_crl_check()
    {
        var (exitCode, output) = VerifyAgainstCrl("official-rsa2048.crt");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("official-rsa2048.crt: OK");
    }

    [Fact]
    public void Der_crl_names_the_revoked_certificate_by_serial_number_and_nothing_else()
    {
        var (_, serialLine) = OpenSsl.Run(pki.Directory, "x509", "-in", pki.WithRole("revoked").Single().Certificate, "-noout", "-serial");
        var serial = serialLine.Trim().Split('=')[1];

        var (exitCode, crl) = OpenSsl.Run(pki.Directory, "crl", "-in", "issuing-ca.crl", "-inform", "DER", "-noout", "-text");

        exitCode.ShouldBe(0, crl);
        crl.ShouldContain($"Serial Number: {serial}");
        crl.Split("Serial Number:").Length.ShouldBe(2);
        crl.ShouldContain("Key Compromise");
    }

    [Fact]
    public void Pem_crl_holds_the_same_list_as_the_der_one()
    {
        var (_, der) = OpenSsl.Run(pki.Directory, "crl", "-in", "issuing-ca.crl", "-inform", "DER", "-outform", "PEM");
        var pem = File.ReadAllText(pki.PathOf("issuing-ca.crl.pem"));

        pem.Trim().ShouldBe(der.Trim());
    }

    [Fact]
    public void Crl_is_signed_by_the_issuing_ca()
    {
        var (exitCode, output) = OpenSsl.Run(pki.Directory, "crl", "-in", "issuing-ca.crl.pem", "-noout", "-CAfile", "issuing-ca.crt");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("verify OK");
    }

    [Fact]
    public void End_entities_point_at_the_development_crl_and_ocsp_responder()
    {
        foreach (var entry in pki.WithRole("official", "organisation", "tsa", "revoked", "expired"))
        {
            var text = OpenSsl.Text(pki.Directory, entry.Certificate);
            text.ShouldContain("URI:http://localhost:5080/api/v1/dev/crl/issuing-ca.crl", customMessage: entry.Name);
            text.ShouldContain("OCSP - URI:http://localhost:5080/api/v1/dev/ocsp", customMessage: entry.Name);
        }
    }

    (int ExitCode, string Output) VerifyAgainstCrl(string certificate) => OpenSsl.Run(pki.Directory,
        "verify", "-crl_check", "-CAfile", "root.crt", "-untrusted", "issuing-ca.crt", "-CRLfile", "issuing-ca.crl.pem", certificate);
}
