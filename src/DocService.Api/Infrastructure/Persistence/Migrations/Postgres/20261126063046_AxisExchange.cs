using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocService.Api.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AxisExchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_RecipientStatuses_DocumentId_RecipientOrganId",
                table: "RecipientStatuses",
                columns: new[] { "DocumentId", "RecipientOrganId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeInbox");

            migrationBuilder.DropTable(
                name: "ExchangeOutbox");

            migrationBuilder.DropTable(
                name: "RecipientStatuses");
        }
    }
}
