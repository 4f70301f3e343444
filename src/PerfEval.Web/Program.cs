using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hangfire;
using Mediator;
using PerfEval.Web.Auth;
using PerfEval.Web.Features;
using PerfEval.Web.Features.Accounts;
using PerfEval.Web.Features.Health;
using PerfEval.Web.Features.Exports;
using PerfEval.Web.Features.Review;
using PerfEval.Web.Features.Statistics;
using PerfEval.Web.Features.Submissions;
using PerfEval.Web.Hosting;
using PerfEval.Web.Pages;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var section = builder.Configuration.GetSection(PerfEvalOptions.Section);
var options = section.Get<PerfEvalOptions>() ?? new PerfEvalOptions();
builder.Services.Configure<PerfEvalOptions>(section);

var contentRoot = builder.Environment.ContentRootPath;
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPerfEvalData(options, contentRoot);
builder.Services.AddPerfEvalJobs(options, contentRoot);
builder.Services.AddPerfEvalHealthChecks();
builder.Services.AddMediator((MediatorOptions o) => o.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddPerfEvalAuth();
builder.Services.AddPerfEvalPages();
builder.Services.Configure<AdminOptions>(builder.Configuration.GetSection("PerfEval:Admin"));

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    // Answers the framework writes itself (unknown route, wrong content type, unhandled exception) get a Chinese
    // title, a detail and a code too.
    if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
    {
        var status = ctx.ProblemDetails.Status ?? StatusCodes.Status500InternalServerError;
        var (code, detail) = Problems.Generic(status);
        ctx.ProblemDetails.Title = Problems.TitleFor(status);
        ctx.ProblemDetails.Detail ??= detail;
        ctx.ProblemDetails.Extensions["code"] = code;
    }
});
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

await app.Services.MigrateDatabaseAsync();

// `PerfEval.Web create-admin [name]` and `PerfEval.Web reset-password <name>` print a one-time password and exit.
if (await AccountCommands.TryRunAsync(args, app.Services, Console.Out) is int exitCode)
{
    return exitCode;
}

if (options.Role != ServiceRole.Worker)
{
    await AccountCommands.EnsureFirstAdminAsync(app.Services);
    PerfEval.Web.Jobs.SweepStuckSubmissionsJob.Schedule(app.Services.GetRequiredService<IRecurringJobManager>());
}

app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseAuthentication();
app.UsePasswordChangeGate();
app.UseAuthorization();

app.MapPerfEvalHealth();
if (options.Role != ServiceRole.Worker)
{
    app.MapOpenApi();
    app.MapScalarApiReference("/api/docs");
    app.MapSubmissionsApi();
    app.MapAccountsApi();
    app.MapRazorPages();
    app.UseHangfireDashboard("/hangfire", new DashboardOptions
    {
        Authorization = [new AdminDashboardFilter()],
        DashboardTitle = "PerfEval 后台任务",
        AppPath = "/",
    });
    app.MapReviewApi();
    app.MapStatisticsApi().RequireAuthorization(Policies.Statistics);
    app.MapExportsApi().RequireAuthorization(Policies.Statistics);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
