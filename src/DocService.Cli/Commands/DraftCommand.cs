using System.CommandLine;
using System.Text.Json;
using DocService.Api.Features.Drafting;
using DocService.Drafting;
using DocService.Drafting.Model;
using DocService.Drafting.Rendering;
using DocService.Drafting.Validation;

namespace DocService.Cli.Commands;

/// <summary>
/// <c>docsvc draft sample</c> prints a complete draft as the API takes it; <c>docsvc draft render</c>
/// renders such a file to PDF, so a draft can be tried out without a running service.
/// </summary>
internal static class DraftCommand
{
    static readonly Dictionary<string, Func<Draft>> Samples = new()
    {
        ["quyet-dinh"] = SampleDrafts.QuyetDinh,
        ["cong-van"] = SampleDrafts.CongVan,
    };

    public static Command Create() => new("draft", "Structured drafts: print a sample, render one to PDF")
    {
        SampleCommand(),
        RenderCommand(),
    };

    static Command SampleCommand()
    {
        var type = new Option<string>("--type") { Description = "Which sample", DefaultValueFactory = _ => "quyet-dinh" };
        type.AcceptOnlyFromAmong([.. Samples.Keys]);
        var command = new Command("sample", "Print a complete sample draft as JSON (the body of POST /api/v1/documents)") { type };
        command.SetAction(parse =>
        {
            var draft = DraftRequest.From(Samples[parse.GetValue(type)!]());
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(draft, DraftJson.Readable));
            return 0;
        });
        return command;
    }

    static Command RenderCommand()
    {
        var input = new Argument<FileInfo>("draft") { Description = "The draft as JSON, e.g. from `docsvc draft sample`" }.MustExist();
        var output = new Argument<FileInfo>("pdf") { Description = "Where to write the PDF" };
        var command = new Command("render", "Render a JSON draft to a PDF in the Decree 30 layout") { input, output };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var source = parse.GetValue(input)!;
            var target = parse.GetValue(output)!;
            if (!source.Exists)
                return Fail(error, $"{source.FullName} does not exist.");
            try
            {
                var draft = DraftJson.Deserialize(await File.ReadAllTextAsync(source.FullName, ct)).ToDraft();
                using var pdf = new MemoryStream();
                var rendered = await new DraftRenderer().RenderAsync(draft, pdf, ct);
                // Written only once rendering succeeded, so a bad draft never leaves half a file behind.
                await File.WriteAllBytesAsync(target.FullName, pdf.ToArray(), ct);
                var fields = string.Join(", ", rendered.Fields.Values.Select(f => $"{f.Name} (page {f.Page})"));
                parse.InvocationConfiguration.Output.WriteLine($"wrote {target.Name}: {rendered.PageCount} page(s), {rendered.Length} bytes; fields {fields}");
                return 0;
            }
            catch (JsonException json)
            {
                return Fail(error, $"{source.Name} is not a draft: {json.Message}");
            }
            catch (DraftValidationException invalid)
            {
                return Fail(error, $"{source.Name}: {invalid.Field} {invalid.Reason}");
            }
            catch (IOException io)
            {
                return Fail(error, io.Message);
            }
        });
        return command;
    }

    static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
