using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using PerfEval.Web.Features;
using PerfEval.Web.Features.Health;
using PerfEval.Web.Features.Submissions;
using PerfEval.Web.Hosting;
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

app.MapPerfEvalHealth();
if (options.Role != ServiceRole.Worker)
{
    app.MapOpenApi();
    app.MapScalarApiReference("/api/docs");
    app.MapSubmissionsApi();
    PerfEval.Web.Features.Statistics.StatisticsApi.MapStatisticsApi(app);
    PerfEval.Web.Features.Exports.ExportsApi.MapExportsApi(app);
}

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
