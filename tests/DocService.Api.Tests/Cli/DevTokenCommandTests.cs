using System.CommandLine;
using System.Net;
using DocService.Api.Tests.Infrastructure;
using DocService.Cli.Commands;

namespace DocService.Api.Tests.Cli;

public sealed class DevTokenCommandTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = new RootCommand { DevTokenCommand.Create() }.Parse(args);
        var original = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await parse.InvokeAsync();
            return (exitCode, output.ToString().Trim() + error.ToString().Trim());
        }
        finally
        {
            Console.SetOut(original.Out);
            Console.SetError(original.Error);
        }
    }

    [Fact]
    public async Task Printed_token_is_accepted_by_the_service_with_its_organ_and_roles()
    {
        var organ = TestOrgans.New();
        var (exitCode, token) = await RunAsync("dev-token", "--user", "ubnd.vanthu", "--organ", organ, "--roles", "clerk", "--signing-key", ApiFactory.SigningKey);

        exitCode.ShouldBe(0);
        var client = api.ClientWithToken(token);
        (await client.GetAsync("/api/v1/registers/outgoing?year=2026", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/audit", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_role_or_malformed_organ_is_refused()
    {
        (await RunAsync("dev-token", "--user", "u", "--organ", "000.00.00.H41", "--roles", "superuser", "--signing-key", ApiFactory.SigningKey)).ExitCode.ShouldBe(2);
        (await RunAsync("dev-token", "--user", "u", "--organ", "H41", "--roles", "drafter", "--signing-key", ApiFactory.SigningKey)).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task A_platform_admin_token_names_no_organ_and_registers_organs_but_reads_no_documents()
    {
        var (exitCode, token) = await RunAsync("dev-token", "--user", "root", "--platform-admin", "--signing-key", ApiFactory.SigningKey);

        exitCode.ShouldBe(0);
        var client = api.ClientWithToken(token);
        (await client.PostJsonAsync("/api/v1/admin/organs", new DocService.Api.Features.Administration.CreateOrgan.Request(TestOrgans.New(), "Sở Tài chính", "STC")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetAsync("/api/v1/documents", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RunAsync("dev-token", "--user", "root", "--platform-admin", "--organ", "000.00.00.H41", "--signing-key", ApiFactory.SigningKey)).ExitCode.ShouldBe(2);
    }
}
