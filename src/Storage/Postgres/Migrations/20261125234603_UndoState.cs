using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoRespond.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UndoState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "undo_state",
                table: "actions",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "undo_state",
                table: "actions");
        }
    }
}
