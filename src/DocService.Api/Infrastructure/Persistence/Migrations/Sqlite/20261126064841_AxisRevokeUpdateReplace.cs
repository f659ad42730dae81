using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DocService.Api.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AxisRevokeUpdateReplace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Business",
                table: "ExchangeOutbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReceiverChanges",
                table: "ExchangeOutbox",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Replaces",
                table: "ExchangeOutbox",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Frozen",
                table: "Documents",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FrozenAt",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FrozenNote",
                table: "Documents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReplacesDocumentId",
                table: "Documents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Business",
                table: "ExchangeOutbox");

            migrationBuilder.DropColumn(
                name: "ReceiverChanges",
                table: "ExchangeOutbox");

            migrationBuilder.DropColumn(
                name: "Replaces",
                table: "ExchangeOutbox");

            migrationBuilder.DropColumn(
                name: "Frozen",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "FrozenAt",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "FrozenNote",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ReplacesDocumentId",
                table: "Documents");
        }
    }
}
