namespace DocService.Api.Domain;

/// <summary>Độ khẩn, with the numeric values edXML carries.</summary>
public enum Priority
{
    Normal = 0,           // thường
    Urgent = 1,           // khẩn
    VeryUrgent = 2,       // thượng khẩn
    Express = 3,          // hỏa tốc
    ExpressScheduled = 4, // hỏa tốc hẹn giờ
}
