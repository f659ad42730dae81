using System.CommandLine;
using DocService.Signing.Ltv;
using DocService.Signing.Pades;
using DocService.Signing.Timestamps;
using DocService.Signing.Validation;

namespace DocService.Cli.Commands;

/// <summary>
/// The options that take a signature past B-B, shared by <c>sign</c> and <c>extend</c>: the level,
/// the TSA to ask, and the roots whose chains get revocation data in the DSS (B-LT and up).
/// </summary>
internal sealed class LevelOptions
{
    public Option<string> Level { get; } = new("--level") { Description = "B-B, B-T, B-LT or B-LTA", DefaultValueFactory = _ => "B-B" };
    public Option<string?> Tsa { get; } = new("--tsa") { Description = "RFC 3161 timestamping authority URL (needed from B-T up)" };

    public LevelOptions() =>
        Tsa.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !Uri.TryCreate(text, UriKind.Absolute, out _))
                result.AddError($"--tsa: '{text}' is not an absolute URL.");
        });
    public Option<FileInfo[]> Trust { get; } = new("--trust") { Description = "Trust anchor (PEM or DER) whose chains get revocation data (B-LT and up); repeatable" };

    public void AddTo(Command command)
    {
        command.Options.Add(Level);
        command.Options.Add(Tsa);
        command.Options.Add(Trust);
    }

    public static bool TryParseLevel(string text, out PadesLevel level)
    {
        level = text.ToUpperInvariant() switch { "B-B" => PadesLevel.BB, "B-T" => PadesLevel.BT, "B-LT" => PadesLevel.BLT, "B-LTA" => PadesLevel.BLTA, _ => (PadesLevel)(-1) };
        return Enum.IsDefined(level);
    }

    public ITimestampClient? Client(ParseResult parse, HttpClient http) =>
        parse.GetValue(Tsa) is { } url ? new Rfc3161Client(http, new TimestampClientOptions { Url = new Uri(url) }) : null;

    public LevelExtender? Extender(ParseResult parse, ITimestampClient? tsa) => tsa is null ? null : new LevelExtender(new DocumentTimestamper(tsa),
        new LtvExtender(new ValidationOptions
        {
            TrustAnchors = (parse.GetValue(Trust) ?? []).SelectMany(VerifyCommand.LoadCertificates).ToList(),
            Revocation = new RevocationPolicy { FetchOnline = true },
        }));
}
