using System.Security.Cryptography;
using System.Text;
using DocService.Exchange.Transport;

namespace DocService.Exchange.Tests.Transport;

public sealed class VdxpProtocolTests
{
    [Fact]
    public void The_canonical_form_is_the_operation_then_signed_headers_sorted_by_name()
    {
        var canonical = VdxpProtocol.Canonicalize("getEdoc", new Dictionary<string, string>
        {
            ["timestamp"] = "1767225600",
            ["From"] = " 000.00.00.H41 ",
            ["nonce"] = "00ff",
            ["docid"] = "42",
            ["systemid"] = "sys-h41",
            ["user-agent"] = "not signed",
        });

        canonical.ShouldBe("operation:getEdoc\ndocid:42\nfrom:000.00.00.H41\nnonce:00ff\nsystemid:sys-h41\ntimestamp:1767225600");
    }

    [Fact]
    public void The_signature_is_base64_of_hmac_sha256_of_the_canonical_form_under_the_secret()
    {
        const string canonical = "operation:getReceivedEdocList\nfrom:000.00.00.H41";

        var signature = VdxpProtocol.ComputeSignature("s3cret", canonical);

        // Independent of the implementation: the RFC 2104 construction by hand.
        var key = Encoding.UTF8.GetBytes("s3cret").Concat(new byte[64 - 6]).ToArray();
        var inner = SHA256.HashData(key.Select(b => (byte)(b ^ 0x36)).Concat(Encoding.UTF8.GetBytes(canonical)).ToArray());
        var outer = SHA256.HashData(key.Select(b => (byte)(b ^ 0x5c)).Concat(inner).ToArray());
        signature.ShouldBe(Convert.ToBase64String(outer));
        VdxpProtocol.VerifySignature("s3cret", canonical, signature).ShouldBeTrue();
        VdxpProtocol.VerifySignature("other", canonical, signature).ShouldBeFalse();
        VdxpProtocol.VerifySignature("s3cret", canonical + "\ndocid:1", signature).ShouldBeFalse();
    }
}
