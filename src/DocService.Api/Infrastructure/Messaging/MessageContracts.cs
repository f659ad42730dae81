using DocService.Api.Infrastructure.Audit;

namespace DocService.Api.Infrastructure.Messaging;

/// <summary>A message that can check its own fields before any work is done.</summary>
public interface IValidatable
{
    /// <summary>Field name → problems; empty when valid.</summary>
    IEnumerable<(string Field, string Problem)> Validate();
}

/// <summary>A command that leaves an entry in the audit chain, written in its own transaction.</summary>
public interface IAuditedCommand
{
    string AuditAction { get; }
    string AuditTarget { get; }

    /// <summary>What the entry's payload hash covers: the command's meaningful inputs, never secrets or bytes.</summary>
    object AuditPayload { get; }

    /// <summary>Whose log the entry joins when not the caller's organ: a platform admin belongs to none, so creating an organ is recorded in that organ's.</summary>
    string? AuditOrganId => null;
}
