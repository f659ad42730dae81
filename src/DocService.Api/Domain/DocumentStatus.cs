namespace DocService.Api.Domain;

public enum DocumentStatus
{
    // Outgoing lifecycle (DESIGN §3).
    Draft,
    InReview,
    Approved,
    Signed,
    Issued,
    Archived,
    Dispatched,
    RevokeRequested, // 13 sent to every recipient, waiting for their 15/16
    Revoked,

    // Incoming lifecycle; the edXML status code each state reports back is in the comment.
    Received,   // 01 đã đến
    Registered, // 03 đã tiếp nhận
    Assigned,   // 04 phân công
    InProgress, // 05 đang xử lý
    Completed,  // 06 hoàn thành
    Refused,    // 02 từ chối
    Withdrawn,  // 15 đồng ý lấy lại: the sender took it back
}
