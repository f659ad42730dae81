namespace DocService.Exchange.Model;

/// <summary>What travels over the axis: a document package or a status package.</summary>
public abstract record EdXmlMessage
{
    /// <summary>The organ that sent the message.</summary>
    public abstract Organization Sender { get; }
}

/// <summary>A document package: header, trace and business, attachments.</summary>
public sealed record EdXmlPackage(MessageHeader Header, TraceHeaderList Trace, ValueList<EdXmlAttachment> Attachments)
    : EdXmlMessage, IDisposable
{
    public override Organization Sender => Header.From;

    public BusinessDocType BusinessDocType => Trace.Business?.BusinessDocType ?? BusinessDocType.New;

    /// <summary>Deletes spooled attachment content of a received package.</summary>
    public void Dispose()
    {
        foreach (var attachment in Attachments)
            attachment.Content.Dispose();
    }
}
