namespace DocService.Api.Domain;

/// <summary>The commands that move a document from one status to another.</summary>
public enum DocumentAction
{
    Redraft,
    Submit,
    Approve,
    Reject,
    Sign,
    Issue,
    Archive,
    Dispatch,
    RequestRevoke,
    Revoke,
    CancelRevoke,
    UpdateRecipients,
    Register,
    Assign,
    StartProcessing,
    Complete,
    Refuse,
    Withdraw,
}
