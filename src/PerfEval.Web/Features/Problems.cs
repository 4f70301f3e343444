using Microsoft.AspNetCore.Http.HttpResults;
using PerfEval.Core.Documents;

namespace PerfEval.Web.Features;

/// <summary>Stable codes of the API's own refusals (the reader's codes are in <see cref="ReadErrorCodes"/>).</summary>
public static class ApiErrorCodes
{
    public const string NotMultipart = "not-multipart";
    public const string MissingFile = "missing-file";
    public const string InvalidYear = "invalid-year";
    public const string InvalidField = "invalid-field";
    public const string NotFound = "not-found";
    public const string UnsupportedContentType = "unsupported-content-type";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string BadCredentials = "bad-credentials";
    public const string PasswordChangeRequired = "password-change-required";
    public const string AccountLocked = "account-locked";
    public const string Conflict = "conflict";
    public const string Internal = "internal-error";
    public const string Busy = "busy";
}

/// <summary>RFC 7807 answers with a Chinese <c>title</c> and <c>detail</c> and a stable <c>code</c> extension.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult SubmissionNotFound(Guid id) =>
        Create(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, "找不到该报送记录", $"编号为 {id} 的报送记录不存在。");

    /// <summary>The HTTP status for a file the reader refuses: 413 too large, 415 not a format we read, else 400.</summary>
    public static int StatusFor(string readCode) => readCode switch
    {
        ReadErrorCodes.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ReadErrorCodes.Unsupported or ReadErrorCodes.LegacyDoc or ReadErrorCodes.LegacyWps or ReadErrorCodes.NoMainPart =>
            StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Code and Chinese detail for an answer the framework produced without a handler's word.</summary>
    public static (string Code, string Detail) Generic(int status) => status switch
    {
        StatusCodes.Status404NotFound => (ApiErrorCodes.NotFound, "请求的地址不存在。"),
        StatusCodes.Status405MethodNotAllowed => (ApiErrorCodes.InvalidField, "该地址不支持此请求方法。"),
        StatusCodes.Status415UnsupportedMediaType => (ApiErrorCodes.UnsupportedContentType,
            "请求内容的类型不对：上传文件请用 multipart/form-data（文件放在 file 字段，年度放在 year 字段），其他请求请用 application/json。"),
        StatusCodes.Status413PayloadTooLarge => (ReadErrorCodes.TooLarge, "上传内容过大。"),
        >= 500 => (ApiErrorCodes.Internal, "服务器处理请求时出错，请稍后重试；如仍失败，请联系管理员。"),
        _ => (ApiErrorCodes.InvalidField, "请求有误，请检查后重试。"),
    };

    public static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "文件过大",
        StatusCodes.Status415UnsupportedMediaType => "不支持的文件格式",
        StatusCodes.Status503ServiceUnavailable => "系统繁忙，请稍后重试",
        StatusCodes.Status404NotFound => "找不到请求的资源",
        StatusCodes.Status405MethodNotAllowed => "不支持该请求方法",
        >= 500 => "服务器内部错误",
        _ => "请求有误",
    };

    /// <summary>The title for a file refused by its content.</summary>
    public static string FileRefusalTitle(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "文件过大",
        StatusCodes.Status415UnsupportedMediaType => "不支持的文件格式",
        StatusCodes.Status503ServiceUnavailable => "系统繁忙，请稍后重试",
        _ => "无法读取该文件",
    };
}
