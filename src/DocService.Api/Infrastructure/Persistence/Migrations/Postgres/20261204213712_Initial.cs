using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocService.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    OrganId = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Target = table.Column<string>(type: "text", nullable: false),
                    PayloadSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CertificateRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Issuer = table.Column<string>(type: "text", nullable: false),
                    SerialNumber = table.Column<string>(type: "text", nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    Intermediates = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    RegisteredBy = table.Column<string>(type: "text", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "text", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateRegistrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TypeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CodeNotation = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CodeNumber = table.Column<int>(type: "integer", nullable: true),
                    IssuedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SignerCompetence = table.Column<string>(type: "text", nullable: true),
                    SignerPosition = table.Column<string>(type: "text", nullable: true),
                    SignerFullName = table.Column<string>(type: "text", nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Recipients = table.Column<List<string>>(type: "text[]", nullable: false),
                    ToPlaces = table.Column<string>(type: "text", nullable: true),
                    ArrivalNumber = table.Column<int>(type: "integer", nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SenderOrganId = table.Column<string>(type: "text", nullable: true),
                    SenderOrganName = table.Column<string>(type: "text", nullable: true),
                    SenderDocumentId = table.Column<string>(type: "text", nullable: true),
                    AssignedTo = table.Column<string>(type: "text", nullable: true),
                    ReceivedVia = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    Frozen = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FrozenNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplacesDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewComment = table.Column<string>(type: "text", nullable: true),
                    RetentionClass = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DraftJson = table.Column<string>(type: "text", nullable: true),
                    DateLinePlace = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeInbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    AxisDocId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MessageType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SenderOrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    EdXmlDocumentId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deliveries = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeInbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientOrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    MessageType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EdXmlDocumentId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Business = table.Column<int>(type: "integer", nullable: false),
                    ReceiverChanges = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Replaces = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResponseForCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResponseForDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AxisDocId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Delivery = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DeliveryUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    ResponseStatus = table.Column<int>(type: "integer", nullable: false),
                    ResponseBody = table.Column<string>(type: "text", nullable: true),
                    ResponseLocation = table.Column<string>(type: "text", nullable: true),
                    ResponseETag = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    EventType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    OnceKey = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Officials",
                columns: table => new
                {
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officials", x => new { x.OrganId, x.UserName });
                });

            migrationBuilder.CreateTable(
                name: "Organs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ParentId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    Abbreviation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AxisEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganWebhooks",
                columns: table => new
                {
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SealedSecret = table.Column<byte[]>(type: "bytea", nullable: false),
                    Events = table.Column<List<string>>(type: "text[]", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganWebhooks", x => x.OrganId);
                });

            migrationBuilder.CreateTable(
                name: "OwnerImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "text", nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Png = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecipientStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientOrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Code = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AxisDocId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecipientStatuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "text", nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Issuer = table.Column<string>(type: "text", nullable: false),
                    SerialNumber = table.Column<string>(type: "text", nullable: false),
                    Thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyAlgorithm = table.Column<string>(type: "text", nullable: false),
                    NotBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SealedPkcs12 = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DocumentVersion = table.Column<int>(type: "integer", nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    CertificatesDer = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignatureAlgorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DigestAlgorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SigningTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuditPayloadJson = table.Column<string>(type: "text", nullable: false),
                    PreparedKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PreparedSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByteRange1 = table.Column<long>(type: "bigint", nullable: false),
                    ByteRange2 = table.Column<long>(type: "bigint", nullable: false),
                    ByteRange3 = table.Column<long>(type: "bigint", nullable: false),
                    ContentsOffset = table.Column<long>(type: "bigint", nullable: false),
                    ContentsLength = table.Column<long>(type: "bigint", nullable: false),
                    ContentDigest = table.Column<byte[]>(type: "bytea", nullable: false),
                    DataToSign = table.Column<byte[]>(type: "bytea", nullable: false),
                    RegisterNumber = table.Column<int>(type: "integer", nullable: true),
                    RegisterYear = table.Column<int>(type: "integer", nullable: true),
                    IssuedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrustAnchors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    Subject = table.Column<string>(type: "text", nullable: false),
                    Thumbprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NotAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    RevocationNotRequired = table.Column<bool>(type: "boolean", nullable: false),
                    AddedBy = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustAnchors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ParentUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Verifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "text", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "text", nullable: false),
                    Indication = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReportJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FileKeptUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FileDeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Verifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveJobs",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ManifestKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ManifestSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveJobs", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_ArchiveJobs_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DocumentAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentAssignments_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganId = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessingNotes_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Revisions",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Author = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisions", x => new { x.DocumentId, x.Number });
                    table.ForeignKey(
                        name: "FK_Revisions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveJobs_Status_DueAt",
                table: "ArchiveJobs",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganId_Sequence",
                table: "AuditEntries",
                columns: new[] { "OrganId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganId_Target",
                table: "AuditEntries",
                columns: new[] { "OrganId", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateRegistrations_OrganId_OwnerKind_OwnerId",
                table: "CertificateRegistrations",
                columns: new[] { "OrganId", "OwnerKind", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateRegistrations_OrganId_Thumbprint",
                table: "CertificateRegistrations",
                columns: new[] { "OrganId", "Thumbprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAssignments_DocumentId",
                table: "DocumentAssignments",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAssignments_OrganId_UnitId",
                table: "DocumentAssignments",
                columns: new[] { "OrganId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAssignments_OrganId_UserName",
                table: "DocumentAssignments",
                columns: new[] { "OrganId", "UserName" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganId_Kind_ArrivedAt",
                table: "Documents",
                columns: new[] { "OrganId", "Kind", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganId_Kind_IssuedDate",
                table: "Documents",
                columns: new[] { "OrganId", "Kind", "IssuedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OrganId_Status",
                table: "Documents",
                columns: new[] { "OrganId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SearchText",
                table: "Documents",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeInbox_OrganId_AxisDocId",
                table: "ExchangeInbox",
                columns: new[] { "OrganId", "AxisDocId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeOutbox_DocumentId",
                table: "ExchangeOutbox",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeOutbox_OrganId_EdXmlDocumentId_RecipientOrganId",
                table: "ExchangeOutbox",
                columns: new[] { "OrganId", "EdXmlDocumentId", "RecipientOrganId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeOutbox_State_DueAt",
                table: "ExchangeOutbox",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_OrganId_UserName_Key",
                table: "IdempotencyRecords",
                columns: new[] { "OrganId", "UserName", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_DocumentId",
                table: "NotificationDeliveries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_OrganId_OnceKey",
                table: "NotificationDeliveries",
                columns: new[] { "OrganId", "OnceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_State_DueAt",
                table: "NotificationDeliveries",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Officials_OrganId_UnitId",
                table: "Officials",
                columns: new[] { "OrganId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Organs_ParentId",
                table: "Organs",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnerImages_OrganId_OwnerKind_OwnerId_Kind",
                table: "OwnerImages",
                columns: new[] { "OrganId", "OwnerKind", "OwnerId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessingNotes_DocumentId_At",
                table: "ProcessingNotes",
                columns: new[] { "DocumentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RecipientStatuses_DocumentId_RecipientOrganId",
                table: "RecipientStatuses",
                columns: new[] { "DocumentId", "RecipientOrganId" });

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_OrganId_OwnerKind_OwnerId",
                table: "SigningKeys",
                columns: new[] { "OrganId", "OwnerKind", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_SigningSessions_OrganId_Step_RegisterYear_ExpiresAt",
                table: "SigningSessions",
                columns: new[] { "OrganId", "Step", "RegisterYear", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrustAnchors_OrganId_Thumbprint",
                table: "TrustAnchors",
                columns: new[] { "OrganId", "Thumbprint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganId_Code",
                table: "Units",
                columns: new[] { "OrganId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_OrganId_CreatedAt",
                table: "Verifications",
                columns: new[] { "OrganId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_OrganId_FileKeptUntil",
                table: "Verifications",
                columns: new[] { "OrganId", "FileKeptUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveJobs");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CertificateRegistrations");

            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "DocumentAssignments");

            migrationBuilder.DropTable(
                name: "ExchangeInbox");

            migrationBuilder.DropTable(
                name: "ExchangeOutbox");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "NotificationDeliveries");

            migrationBuilder.DropTable(
                name: "Officials");

            migrationBuilder.DropTable(
                name: "Organs");

            migrationBuilder.DropTable(
                name: "OrganWebhooks");

            migrationBuilder.DropTable(
                name: "OwnerImages");

            migrationBuilder.DropTable(
                name: "ProcessingNotes");

            migrationBuilder.DropTable(
                name: "RecipientStatuses");

            migrationBuilder.DropTable(
                name: "Revisions");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "SigningSessions");

            migrationBuilder.DropTable(
                name: "TrustAnchors");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Verifications");

            migrationBuilder.DropTable(
                name: "Documents");
        }
    }
}
