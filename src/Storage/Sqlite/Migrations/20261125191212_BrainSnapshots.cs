using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoRespond.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BrainSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brain_snapshots",
                columns: table => new
                {
                    partition = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    snapshot_json = table.Column<string>(type: "TEXT", nullable: false),
                    up_to = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brain_snapshots", x => x.partition);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brain_snapshots");
        }
    }
}
