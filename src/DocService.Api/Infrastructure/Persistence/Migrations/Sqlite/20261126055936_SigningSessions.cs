using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocService.Api.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DocumentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificatesDer = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SignatureAlgorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DigestAlgorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SigningTime = table.Column<long>(type: "INTEGER", nullable: false),
                    AuditPayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    PreparedKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PreparedSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByteRange1 = table.Column<long>(type: "INTEGER", nullable: false),
                    ByteRange2 = table.Column<long>(type: "INTEGER", nullable: false),
                    ByteRange3 = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentsOffset = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentsLength = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentDigest = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DataToSign = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RegisterNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    RegisterYear = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
