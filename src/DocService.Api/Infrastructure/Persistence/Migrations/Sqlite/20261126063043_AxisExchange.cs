using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocService.Api.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    AxisDocId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SenderOrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    EdXmlDocumentId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deliveries = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeInbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientOrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EdXmlDocumentId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResponseForCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResponseForDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AxisDocId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DeliveryUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecipientStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganId = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Code = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AxisDocId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
