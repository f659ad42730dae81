namespace DocService.Api.Infrastructure.Registers;

public enum RegisterKind
{
    Outgoing, // sổ văn bản đi
    Incoming, // sổ văn bản đến
}
