namespace AutoRespond.TestUtils;

/// <summary>
/// Real infrastructure for integration tests, as started by <c>scripts/test.sh</c> on loopback.
/// Unset variable: the test is skipped. Set variable but the service is down: the test must fail,
/// so nothing here probes the service or catches connection errors.
/// </summary>
public static class IntegrationEnvironment
{
    public const string RabbitMqVariable = "AR_TEST_RABBITMQ";
    public const string PostgresVariable = "AR_TEST_POSTGRES";
    public const string RabbitMqManagementVariable = "AR_TEST_RABBITMQ_MANAGEMENT";

    /// <summary>An <c>amqp://user:password@host:port/vhost</c> URI, or null when not set.</summary>
    public static string? RabbitMqUri => Read(RabbitMqVariable);

    /// <summary>An Npgsql connection string (<c>Host=127.0.0.1;Port=...;Username=postgres;Database=postgres</c>), or null.</summary>
    public static string? PostgresConnection => Read(PostgresVariable);

    /// <summary>The RabbitMQ management HTTP API; defaults to <c>http://127.0.0.1:15672/</c>.</summary>
    public static Uri RabbitMqManagementUri => new(Read(RabbitMqManagementVariable) ?? "http://127.0.0.1:15672/");

    /// <summary>The RabbitMQ URI, or skips the calling test when <c>AR_TEST_RABBITMQ</c> is not set.</summary>
    public static Uri RequireRabbitMq() =>
        new(RabbitMqUri ?? Skip(RabbitMqVariable));

    /// <summary>The PostgreSQL connection string, or skips the calling test when <c>AR_TEST_POSTGRES</c> is not set.</summary>
    public static string RequirePostgres() =>
        PostgresConnection ?? Skip(PostgresVariable);

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string Skip(string variable)
    {
        Assert.Skip($"{variable} not set; run scripts/test.sh");
        return ""; // not reached: Assert.Skip throws
    }
}
