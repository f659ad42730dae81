using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocService.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SigningSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_SigningSessions_OrganId_Step_RegisterYear_ExpiresAt",
                table: "SigningSessions",
                columns: new[] { "OrganId", "Step", "RegisterYear", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SigningSessions");
        }
    }
}
