namespace AutoRespond.Host.Bus;

/// <summary>A RabbitMQ broker address parsed from an <c>amqp://</c> or <c>amqps://</c> URI.</summary>
internal sealed record AmqpAddress(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    /// <summary>What the URI means when it leaves a part out (the RabbitMQ URI spec defaults).</summary>
    private const string DefaultUser = "guest";

    public static AmqpAddress Parse(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new ArgumentException($"The RabbitMQ URI must be amqp:// or amqps:// (got '{Mask(uri)}').", nameof(uri));
        }

        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;

        // "/" and "" mean the default vhost "/"; "/%2F" is the explicit spelling of it; "/prod" is "prod".
        var path = uri.AbsolutePath.TrimStart('/');
        var vhost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);

        var user = DefaultUser;
        var password = DefaultUser;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        return new AmqpAddress(uri.Host, port, vhost, user, password, tls);
    }

    /// <summary>The URI with its password replaced by <c>***</c>: the only form that may be logged.</summary>
    public static string Mask(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
        {
            return uri.ToString();
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? uri.UserInfo : uri.UserInfo[..colon];
        return new UriBuilder(uri) { UserName = user, Password = colon < 0 ? "" : "***" }.Uri.ToString();
    }

    /// <summary>Never prints the password (records print every member by default).</summary>
    public override string ToString() =>
        $"{(UseTls ? "amqps" : "amqp")}://{Username}:***@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
