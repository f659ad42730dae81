using DocService.Api.Domain;
using DocService.Api.Domain.Handling;
using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Messaging;
using DocService.Api.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Handling;

/// <summary>
/// The leader assigns a registered incoming document: one lead (chủ trì) and any supporting (phối hợp) units or
/// officials, each by a deadline, with the leader's instruction (ý kiến chỉ đạo). The lead's deadline becomes the
/// document's due date; over the axis the sender hears 04. A later call adds supporting assignees.
/// </summary>
public static class AssignDocument
{
    /// <summary>A unit or an official — exactly one of the two.</summary>
    public sealed record Assignee(Guid? UnitId = null, string? UserName = null, DateOnly? DueDate = null);

    public sealed record Request(Assignee? Lead, IReadOnlyList<Assignee>? Supporting = null, string? Instruction = null);

    public sealed record Command(Guid DocumentId, string IfMatch, Request Body) : ICommand<HandlingResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "document.assign";
        public string AuditTarget => DocumentId.ToString();
        public object AuditPayload => new { DocumentId, Body.Lead, Body.Supporting, Body.Instruction };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            var all = (Body.Lead is null ? [] : new[] { ("lead", Body.Lead) })
                .Concat((Body.Supporting ?? []).Select((a, i) => ($"supporting[{i}]", a))).ToList();
            if (all.Count == 0)
                yield return ("lead", "Name the lead unit or official (chủ trì), or supporting ones to add.");
            if (all.Count > 50)
                yield return ("supporting", "At most 50 assignees at a time.");
            foreach (var (field, assignee) in all)
            {
                if ((assignee.UnitId is null) == string.IsNullOrWhiteSpace(assignee.UserName))
                    yield return (field, "Name either a unit (unitId) or an official (userName).");
            }
            if (Body.Instruction is { Length: > 4000 })
                yield return ("instruction", "An instruction has at most 4000 characters.");
        }
    }

    public static void Map(RouteGroupBuilder documents) =>
        documents.MapPost("/{id:guid}/assignments",
                async (Guid id, Request body, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var handling = await mediator.Send(new Command(id, Preconditions.RequireIfMatch(ifMatch), body), ct);
                    http.Response.Headers.ETag = handling.Document.ETag();
                    return TypedResults.Ok(handling);
                })
            .RequireAuthorization(Policies.Reviewer)
            .Produces<HandlingResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Assign an incoming document to a lead and supporting units or officials, with deadlines (leader)");

    internal sealed class Handler(DocServiceDb db, HandlingSteps steps, CurrentUser user, TimeProvider clock) : ICommandHandler<Command, HandlingResponse>
    {
        public async ValueTask<HandlingResponse> Handle(Command command, CancellationToken ct)
        {
            var document = await db.FindForChangeAsync(user.Organ, command.DocumentId, command.IfMatch, ct);
            if (document.Kind != DocumentKind.Incoming)
                throw new ApiException(409, "document.not_incoming", "Only incoming documents are assigned for handling.");
            var body = command.Body;
            var hasLead = await db.Assignments.AnyAsync(a => a.DocumentId == document.Id && a.Role == AssignmentRole.Lead, ct);
            if (hasLead && body.Lead is not null)
                throw new ApiException(409, "assignment.lead_exists", "The document already has a lead; add supporting assignees instead.");
            if (!hasLead && body.Lead is null)
                throw new RequestValidationException(new Dictionary<string, string[]> { ["lead"] = ["The first assignment names the lead (chủ trì)."] });

            var now = clock.GetUtcNow();
            var organ = user.Organ.Value;
            var added = new List<Assignment>();
            if (body.Lead is { } lead)
                added.Add(await NewAsync(organ, document.Id, AssignmentRole.Lead, lead, now, ct));
            foreach (var supporting in body.Supporting ?? [])
                added.Add(await NewAsync(organ, document.Id, AssignmentRole.Supporting, supporting, now, ct));
            db.Assignments.AddRange(added);
            if (body.Instruction is { Length: > 0 } instruction)
                db.ProcessingNotes.Add(ProcessingNote.Write(document, NoteKind.Instruction, instruction.Trim(), user.UserName, now));

            if (added.FirstOrDefault(a => a.Role == AssignmentRole.Lead) is { } first)
            {
                if (first.DueDate is { } due)
                    document.SetDueDate(due, now);
                steps.Assign(document, first.AssigneeName, body.Instruction, now);
            }
            await db.SaveChangesAsync(ct);
            return await HandlingResponse.ReadAsync(db, document, ct);
        }

        async Task<Assignment> NewAsync(string organ, Guid documentId, AssignmentRole role, Assignee assignee, DateTimeOffset now, CancellationToken ct)
        {
            string name;
            if (assignee.UnitId is { } unitId)
            {
                name = await db.Units.Where(u => u.Id == unitId && u.OrganId == organ && u.Active).Select(u => u.Name).SingleOrDefaultAsync(ct)
                    ?? throw new ApiException(422, "unit.unknown", $"{unitId} is not an active unit of the organ.");
            }
            else
            {
                name = await db.Officials.Where(o => o.OrganId == organ && o.UserName == assignee.UserName && o.Active).Select(o => o.FullName).SingleOrDefaultAsync(ct)
                    ?? throw new ApiException(422, "official.unknown", $"{assignee.UserName} is not an active official of the organ.");
            }
            return new Assignment
            {
                Id = Guid.CreateVersion7(), OrganId = organ, DocumentId = documentId, Role = role, UnitId = assignee.UnitId,
                UserName = assignee.UnitId is null ? assignee.UserName : null, AssigneeName = name, DueDate = assignee.DueDate,
                AssignedBy = user.UserName, AssignedAt = now,
            };
        }
    }
}
