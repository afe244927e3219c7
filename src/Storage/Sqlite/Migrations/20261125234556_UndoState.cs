using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoRespond.Storage.Sqlite.Migrations
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
                type: "TEXT",
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
