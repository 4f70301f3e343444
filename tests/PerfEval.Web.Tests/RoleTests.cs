using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PerfEval.Web.Tests;

public sealed class ApiRoleServiceFactory : ServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["PerfEval:Role"] = "api" };
}

public sealed class WorkerRoleServiceFactory : ServiceFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["PerfEval:Role"] = "worker" };
}

/// <summary>The <c>api</c> role stores and enqueues but processes nothing; it runs no Hangfire server.</summary>
public sealed class ApiRoleTests(ApiRoleServiceFactory factory) : IClassFixture<ApiRoleServiceFactory>
{
    [Fact]
    public async Task Uploads_are_stored_and_stay_queued_for_a_worker_elsewhere()
    {
        var client = await factory.ClientAsync();
        var bytes = await File.ReadAllBytesAsync(Api.Sample("2023-miluo-disabled-federation.docx"), TestContext.Current.CancellationToken);

        var (response, receipt) = await client.UploadAsync(bytes, "report.docx");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submission = await client.GetJsonAsync($"/api/submissions/{receipt.GetProperty("id").GetString()}");
        Assert.Equal("queued", submission.GetProperty("state").GetString());
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is BackgroundJobServerHostedService);
        Assert.Equal(1, factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
    }
}

/// <summary>The <c>worker</c> role runs jobs and answers health checks; it serves no API.</summary>
public sealed class WorkerRoleTests(WorkerRoleServiceFactory factory) : IClassFixture<WorkerRoleServiceFactory>
{
    [Fact]
    public async Task Serves_health_but_not_the_api()
    {
        var client = await factory.ClientAsync();

        using var api = await client.GetAsync(new Uri("/api/submissions", UriKind.Relative), TestContext.Current.CancellationToken);
        var ready = await client.GetJsonAsync("/health/ready");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is BackgroundJobServerHostedService);
    }
}
