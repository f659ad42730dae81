namespace DocService.Exchange.Model;

/// <summary>One hop of the package: the organ that handled it and when.</summary>
public sealed record TraceHeader(string OrganId, DateTimeOffset Timestamp);

/// <summary>What a package does to a document (edXML <c>BussinessDocType</c>, spelt so in the standard).</summary>
public enum BusinessDocType
{
    New = 0,
    Revoke = 1, // thu hồi
    Update = 2, // cập nhật (add or remove receivers, change information)
    Replace = 3, // thay thế
}

/// <summary>In an update, whether a receiver is removed (0) or added (1).</summary>
public enum ReceiverType
{
    Removed = 0,
    Added = 1,
}

public sealed record Receiver(string OrganId, ReceiverType ReceiverType);

/// <summary>For an update: whether the document information and the receivers changed, and how.</summary>
public sealed record BusinessDocumentInfo(bool DocumentInfo, bool DocumentReceiver, ValueList<Receiver> ReceiverList);

/// <summary>For a replacement: the document replaced and the organs it had been sent to.</summary>
public sealed record ReplacementInfo(string DocumentId, ValueList<string> OrganIdList);

/// <summary>The business part of the trace header list (edXML <c>Bussiness</c>).</summary>
public sealed record Business(
    string DocumentId,
    BusinessDocType BusinessDocType,
    string? BusinessDocReason = null,
    int Paper = 0,
    BusinessDocumentInfo? DocumentInfo = null,
    ValueList<ReplacementInfo>? ReplacementInfoList = null,
    StaffInfo? StaffInfo = null);

/// <summary>The trace header list: hops and the business of the package.</summary>
public sealed record TraceHeaderList(ValueList<TraceHeader> TraceHeaders, Business? Business);
