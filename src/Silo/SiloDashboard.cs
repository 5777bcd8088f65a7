using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace CarbonSim.Silo;

/// <summary>
/// The silo on an ASP.NET Core host that also serves the Orleans Dashboard (Microsoft.Orleans.Dashboard)
/// at <c>http://&lt;bind&gt;:&lt;port&gt;/dashboard</c>. Used only with <c>--dashboard</c>; without it the silo
/// runs on the plain generic host and no web server exists. The builder starts empty (no appsettings,
/// no ASPNETCORE_* variables, no command-line binding) so only the silo's own flags configure it, and
/// Kestrel listens on exactly one endpoint.
/// </summary>
public static class SiloDashboard
{
    /// <summary>Route prefix of the dashboard pages and its JSON API.</summary>
    public const string Path = "/dashboard";

    public static IHost Build(SiloOptions options)
    {
        var endpoint = Endpoint(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(endpoint));
        builder.Services.AddRoutingCore();
        SiloHost.Configure(builder, options, silo => silo.AddDashboard());
        var app = builder.Build();
        app.MapOrleansDashboard(Path);
        return app;
    }

    /// <summary>Where the dashboard listens: --dashboard-bind, else the --advertise address, else 127.0.0.1.</summary>
    public static IPEndPoint Endpoint(SiloOptions options)
    {
        int port = options.DashboardPort ?? throw new InvalidOperationException("dashboard not requested");
        var address = options.DashboardBind is { } bind ? SiloHost.ResolveAddress(bind, "--dashboard-bind")
            : options.AdvertiseIp is { } advertise ? SiloHost.ResolveAddress(advertise, "--advertise")
            : IPAddress.Loopback;
        return new IPEndPoint(address, port);
    }

    /// <summary>The dashboard address for the start-up line, or null without a dashboard.</summary>
    public static string? Url(SiloOptions options) =>
        options.DashboardPort is null ? null : $"http://{Endpoint(options)}{Path}/";
}
