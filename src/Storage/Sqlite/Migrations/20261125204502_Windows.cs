using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AutoRespond.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Windows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "posted_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    time = table.Column<string>(type: "TEXT", nullable: false),
                    user = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    detail_json = table.Column<string>(type: "TEXT", nullable: false),
                    posted_by = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    posted_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posted_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "windows",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    start = table.Column<string>(type: "TEXT", nullable: false),
                    end = table.Column<string>(type: "TEXT", nullable: false),
                    rrule = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    tz = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    scope_json = table.Column<string>(type: "TEXT", nullable: false),
                    effect = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    cap_score = table.Column<double>(type: "REAL", nullable: true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    created_at = table.Column<string>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    updated_at = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_windows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_posted_events_address_time",
                table: "posted_events",
                columns: new[] { "address", "time" });

            migrationBuilder.CreateIndex(
                name: "IX_posted_events_kind_user_time",
                table: "posted_events",
                columns: new[] { "kind", "user", "time" });

            migrationBuilder.CreateIndex(
                name: "IX_windows_external_id",
                table: "windows",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_windows_start",
                table: "windows",
                column: "start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "posted_events");

            migrationBuilder.DropTable(
                name: "windows");
        }
    }
}
