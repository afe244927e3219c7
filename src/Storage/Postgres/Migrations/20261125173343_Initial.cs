using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AutoRespond.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    incident_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    target = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    window_name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    verb = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    detail_json = table.Column<string>(type: "jsonb", nullable: true),
                    incident_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    revision_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    device_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    device_mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    device_hostname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    device_zone = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    first_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    category = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    models = table.Column<List<string>>(type: "text[]", nullable: false),
                    attack = table.Column<List<string>>(type: "text[]", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    snapshot_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_state_changes",
                columns: table => new
                {
                    action_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    to_state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_state_changes", x => new { x.action_id, x.sequence });
                    table.ForeignKey(
                        name: "FK_action_state_changes_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "breaches",
                columns: table => new
                {
                    incident_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    model = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    device_ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    device_mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    device_hostname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    evidence_json = table.Column<string>(type: "jsonb", nullable: false),
                    peers = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_breaches", x => new { x.incident_id, x.id });
                    table.ForeignKey(
                        name: "FK_breaches_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_actions_created_at",
                table: "actions",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_actions_expires_at",
                table: "actions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "IX_actions_incident_id",
                table: "actions",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "IX_actions_state",
                table: "actions",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_incident_id",
                table: "audit_log",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_subject_type_subject_id",
                table: "audit_log",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_time",
                table: "audit_log",
                column: "time");

            migrationBuilder.CreateIndex(
                name: "IX_breaches_model_time",
                table: "breaches",
                columns: new[] { "model", "time" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_device_ip",
                table: "incidents",
                column: "device_ip");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_last_seen",
                table: "incidents",
                column: "last_seen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_state_changes");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "breaches");

            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}
