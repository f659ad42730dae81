using System.Globalization;
using System.Net;
using DocService.Api.Features.Incoming;

namespace DocService.Api.Tests.Infrastructure;

/// <summary>The clerk's arrival form, filled as a paper arrival unless told otherwise.</summary>
public static class TestArrivals
{
    public static MultipartFormDataContent Form(
        byte[] pdf, string subject = "V/v thành lập Tổ công tác cải cách hành chính", string sender = "Sở Tài chính tỉnh Nghệ An",
        int? number = 15, string? notation = "QĐ-STC", string receivedVia = "Paper", DateOnly? dueDate = null, string typeName = "Quyết định")
    {
        var form = TestForms.File(pdf, "scan.pdf", "application/pdf");
        form.Add(new StringContent(sender), "senderName");
        if (number is { } n)
            form.Add(new StringContent(n.ToString(CultureInfo.InvariantCulture)), "senderNumber");
        if (notation is not null)
            form.Add(new StringContent(notation), "senderNotation");
        form.Add(new StringContent("2026-03-02"), "documentDate");
        form.Add(new StringContent(typeName), "typeName");
        form.Add(new StringContent(subject), "subject");
        form.Add(new StringContent(receivedVia), "receivedVia");
        if (dueDate is { } due)
            form.Add(new StringContent(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "dueDate");
        return form;
    }

    public static async Task<RegisterArrival.Response> RegisterAsync(this HttpClient clerk, MultipartFormDataContent form) =>
        await (await clerk.PostAsync("/api/v1/incoming", form)).ShouldBeJsonAsync<RegisterArrival.Response>(HttpStatusCode.Created);
}
