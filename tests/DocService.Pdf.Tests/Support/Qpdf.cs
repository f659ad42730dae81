using System.Diagnostics;

namespace DocService.Pdf.Tests.Support;

/// <summary><c>qpdf --check</c> as an independent oracle; skipped when qpdf is not installed (unless required).</summary>
internal static class Qpdf
{
    public sealed record CheckResult(int ExitCode, string Output)
    {
        /// <summary>qpdf exits 0 when clean, 3 for warnings only, 2 for errors.</summary>
        public bool HasErrors => ExitCode == 2;
    }

    public static CheckResult Check(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"docservice-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("qpdf", ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                if (Corpus.Required)
                    throw new InvalidOperationException("DOCSERVICE_REQUIRE_SERVICES=1 but qpdf is not installed.");
                Assert.Skip("qpdf is not installed");
                throw;
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
                    process.Kill();
                return new CheckResult(process.ExitCode, stdout.Result + stderr.Result);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
