namespace DocService.Api.Domain.Keys;

/// <summary>Whose key or image it is: an official (by user name) or the organ itself (its seal).</summary>
public enum KeyOwnerKind
{
    User,
    Organ,
}

public enum OwnerImageKind
{
    /// <summary>The official's handwritten signature (chữ ký), blue on transparent.</summary>
    Signature,

    /// <summary>The organ's seal (con dấu), red on transparent.</summary>
    Seal,
}
