using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Oracles;

/// <summary>What iText 5 said about one signature.</summary>
/// <param name="Whole">iText's signatureCoversWholeDocument.</param>
/// <param name="Intact">PdfPKCS7.verify(): digest and signature value; null when iText could not check it (an error).</param>
public sealed record ItextVerdict(string File, string Field, bool Whole, bool? Intact, string Detail);

/// <summary>
/// The second independent validator: Debian's iText 5 driven by <c>ItextVerify.java</c> (beside
/// this file), compiled once per test run with javac against the jars libitext5-java,
/// libbcprov-java and libbcpkix-java install under /usr/share/java.
/// </summary>
public static class ItextOracle
{
    static readonly string[] Jars = ["itext5.jar", "bcprov.jar", "bcpkix.jar", "bcutil.jar"];
    static readonly Lazy<string> Compiled = new(Compile);

    static string ClassPath(string? extra = null) =>
        string.Join(':', Jars.Select(j => Path.Combine("/usr/share/java", j)).Prepend(extra).OfType<string>());

    /// <summary>Every signature iText finds in each file, in its order.</summary>
    public static async Task<IReadOnlyList<ItextVerdict>> VerifyAsync(params string[] files)
    {
        Require();
        var result = await ExternalTool.RunAsync("java", ["-cp", ClassPath(Compiled.Value), "ItextVerify", .. files]);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(c => c.Length >= 7 && c[1] != "-")
            .Select(c => new ItextVerdict(c[0], c[1], c[2] == "whole", c[3] switch { "intact" => true, "broken" => false, _ => null }, c[6]))
            .ToList();
    }

    static void Require()
    {
        ExternalTool.Require("javac");
        foreach (var jar in Jars)
        {
            if (File.Exists(Path.Combine("/usr/share/java", jar)))
                continue;
            var reason = $"/usr/share/java/{jar} is missing (scripts/install-test-deps.sh installs libitext5-java, libbcprov-java, libbcpkix-java).";
            if (Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_SERVICES") == "1")
                Assert.Fail(reason);
            Assert.Skip(reason);
        }
    }

    static string Compile()
    {
        var output = Path.Combine(Path.GetTempPath(), "docservice-itext-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        var source = Path.Combine(AppContext.BaseDirectory, "Oracles", "ItextVerify.java");
        var result = ExternalTool.RunAsync("javac", "-nowarn", "-cp", ClassPath(), "-d", output, source).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
            throw new InvalidOperationException("ItextVerify.java does not compile: " + result);
        return output;
    }
}
