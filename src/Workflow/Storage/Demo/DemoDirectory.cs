using System.Collections.Immutable;
using PhanHoi.Bot.Workflow.Directory;

namespace PhanHoi.Bot.Workflow.Storage;

/// <summary>The province's agencies and the usual lĩnh vực of PAKN in Thanh Hóa, for a demo or a first install.</summary>
public static class DemoDirectory
{
    public static ImmutableArray<Agency> Agencies { get; } =
    [
        new("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh"),
        new("VPUBND", "Văn phòng UBND tỉnh"),
        new("SXD", "Sở Xây dựng"),
        new("SNNMT", "Sở Nông nghiệp và Môi trường"),
        new("STC", "Sở Tài chính"),
        new("SYT", "Sở Y tế"),
        new("SGDDT", "Sở Giáo dục và Đào tạo"),
        new("THUE", "Thuế tỉnh Thanh Hóa"),
        new("CA", "Công an tỉnh"),
    ];

    /// <summary>In the order the bot offers them; keywords let it suggest one from the citizen's text.</summary>
    public static ImmutableArray<Category> Categories { get; } =
    [
        new("giao-thong", "Giao thông, đường sá", "SXD",
            ["đường", "ổ gà", "cầu", "đèn giao thông", "đèn đường", "chiếu sáng", "vỉa hè", "biển báo", "ùn tắc", "xe buýt"]),
        new("xay-dung", "Xây dựng, quy hoạch đô thị", "SXD",
            ["xây dựng", "giấy phép xây dựng", "quy hoạch", "công trình", "xây trái phép", "nhà ở", "chung cư"]),
        new("dat-dai", "Đất đai", "SNNMT",
            ["đất", "sổ đỏ", "quyền sử dụng đất", "thu hồi đất", "bồi thường", "giải phóng mặt bằng", "tranh chấp ranh giới"]),
        new("moi-truong", "Môi trường", "SNNMT",
            ["rác", "ô nhiễm", "nước thải", "khói", "bụi", "mùi hôi", "xả thải", "tiếng ồn"]),
        new("nong-nghiep", "Nông nghiệp, thủy lợi", "SNNMT",
            ["nông nghiệp", "cây trồng", "vật nuôi", "dịch bệnh", "thủy lợi", "kênh mương", "đê điều", "giống"]),
        new("thue", "Thuế, phí, lệ phí", "THUE",
            ["thuế", "mã số thuế", "hóa đơn", "hoàn thuế", "quyết toán", "lệ phí trước bạ", "thuế đất"]),
        new("tai-chinh", "Tài chính, giá cả", "STC",
            ["giá", "ngân sách", "kinh phí", "tài sản công", "trợ cấp", "quỹ"]),
        new("y-te", "Y tế", "SYT",
            ["bệnh viện", "trạm y tế", "khám bệnh", "bảo hiểm y tế", "thuốc", "bác sĩ", "vệ sinh an toàn thực phẩm", "tiêm chủng"]),
        new("giao-duc", "Giáo dục, đào tạo", "SGDDT",
            ["trường", "học sinh", "giáo viên", "học phí", "tuyển sinh", "dạy thêm", "sách giáo khoa"]),
        new("an-ninh-trat-tu", "An ninh, trật tự", "CA",
            ["trộm", "cướp", "gây rối", "đánh nhau", "ma túy", "cờ bạc", "căn cước", "cư trú", "đua xe"]),
        new("dien-nuoc", "Điện, nước sinh hoạt", null,
            ["mất điện", "điện", "nước sạch", "cấp nước", "mất nước", "đồng hồ nước", "hóa đơn điện"]),
        new("thu-tuc-hanh-chinh", "Thủ tục hành chính", "TTPVHCC",
            ["thủ tục", "hồ sơ", "giấy tờ", "một cửa", "dịch vụ công", "chứng thực", "khai sinh", "hộ tịch", "trả kết quả"]),
        new("khac", "Khác", null, []),
    ];
}
