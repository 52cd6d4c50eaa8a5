namespace PhanHoi.Bot.Fuzzing;

/// <summary>Valid, real-shaped bodies the fuzzers start from (platforms/*.md and the Bot Framework schema).</summary>
public static class FuzzSeeds
{
    public const string ZaloAppId = "3608465248940903967";
    public const string ZaloOaId = "388613280878808645";
    public const string FacebookPageId = "109876543210987";

    public static IReadOnlyList<string> Zalo(string user = "2512523625412515") =>
    [
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","user_id_by_app":"552177279717587730","event_name":"user_send_text","timestamp":"1772400000001","sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"message":{"msg_id":"z1","text":"Gửi phản ánh"}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_send_image","timestamp":"1772400000002","sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"message":{"msg_id":"z2","text":"ảnh hiện trường","attachments":[{"type":"image","payload":{"thumbnail":"https://zalo.example/t.jpg","url":"https://zalo.example/a.jpg"}}]}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_send_location","timestamp":1772400000003,"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"message":{"msg_id":"z3","attachments":[{"type":"location","payload":{"coordinates":{"latitude":"19.8076","longitude":"105.7764"}}}]}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_send_link","timestamp":"1772400000004","sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"message":{"msg_id":"z4","attachments":[{"type":"link","payload":{"url":"https://thanhhoa.gov.vn","description":"x"}}]}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_send_file","timestamp":"1772400000005","sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"message":{"msg_id":"z5","attachments":[{"type":"file","payload":{"url":"https://zalo.example/f.pdf","size":"1024","name":"don.pdf","type":"pdf"}}]}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_send_sticker","timestamp":"1772400000006","sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"message":{"msg_id":"z6","attachments":[{"type":"sticker","payload":{"id":"abc","url":"https://zalo.example/s.png"}}]}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"follow","timestamp":"1772400000007","oa_id":"{{{{{ZaloOaId}}}}}","source":"oa_profile","follower":{"id":"{{{{{user}}}}}"},"user_id_by_app":"552177279717587730"}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_submit_info","timestamp":"1772400000008","sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{ZaloOaId}}}}}"},"info":{"name":"Lê Văn Nam","phone":"84912345678","address":"12 Lê Lợi","ward":"Phường Hạc Thành","city":"Thanh Hóa"}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"oa_send_text","timestamp":"1772400000009","sender":{"id":"{{{{{ZaloOaId}}}}}"},"recipient":{"id":"{{{{{user}}}}}"},"message":{"msg_id":"z9","text":"echo"}}""",
        $$$$$"""{"app_id":"{{{{{ZaloAppId}}}}}","event_name":"user_received_message","timestamp":"1772400000010","sender":{"id":"{{{{{ZaloOaId}}}}}"},"recipient":{"id":"{{{{{user}}}}}"},"message":{"msg_ids":["z1"]}}""",
    ];

    public static IReadOnlyList<string> Messenger(string user = "6789012345678901") =>
    [
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000000,"messaging":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000000,"message":{"mid":"m_1","text":"Gửi phản ánh"}}]}]}""",
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000001,"messaging":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000001,"message":{"mid":"m_2","text":"Có","quick_reply":{"payload":"yes"}}}]}]}""",
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000002,"messaging":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000002,"message":{"mid":"m_3","attachments":[{"type":"image","payload":{"url":"https://scontent.example/a.jpg"}},{"type":"location","payload":{"coordinates":{"lat":19.8,"long":105.77}}}]}}]}]}""",
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000003,"messaging":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000003,"postback":{"mid":"m_4","title":"Bắt đầu","payload":"GET_STARTED"}}]}]}""",
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000004,"messaging":[{"sender":{"id":"{{{{{FacebookPageId}}}}}"},"recipient":{"id":"{{{{{user}}}}}"},"timestamp":1772400000004,"message":{"mid":"m_5","is_echo":true,"text":"echo"}},{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000004,"delivery":{"mids":["m_5"],"watermark":1772400000004}},{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000005,"message":{"mid":"m_6","text":"không"}}]}]}""",
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000006,"standby":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000006,"message":{"mid":"m_7","text":"x"}}]},{"id":"{{{{{FacebookPageId}}}}}","time":1772400000007,"messaging":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000007,"postback":{"title":"Tra cứu","payload":"LOOKUP"}}]}]}""",
        $$$$$"""{"object":"page","entry":[{"id":"{{{{{FacebookPageId}}}}}","time":1772400000008,"messaging":[{"sender":{"id":"{{{{{user}}}}}"},"recipient":{"id":"{{{{{FacebookPageId}}}}}"},"timestamp":1772400000008,"message":{"mid":"m_8","text":"xem https://thanhhoa.gov.vn","attachments":[{"type":"fallback","payload":{"url":"https://thanhhoa.gov.vn"},"title":"x"},{"type":"file","payload":{"url":"https://cdn.example/don.pdf"}}]}}]}]}""",
    ];

    public static IReadOnlyList<string> Activities(string serviceUrl, string user = "fuzz-user") =>
    [
        $$$$$"""{"type":"message","id":"a1","channelId":"emulator","serviceUrl":"{{{{{serviceUrl}}}}}","timestamp":"2026-03-02T02:00:00.000Z","localTimestamp":"2026-03-02T09:00:00.000+07:00","locale":"vi-VN","from":{"id":"{{{{{user}}}}}","name":"citizen"},"recipient":{"id":"phanhoi-bot","name":"Phản hồi"},"conversation":{"id":"{{{{{user}}}}}"},"text":"Gửi phản ánh","textFormat":"plain"}""",
        $$$$$"""{"type":"message","id":"a2","channelId":"webchat","serviceUrl":"{{{{{serviceUrl}}}}}","from":{"id":"{{{{{user}}}}}","role":"user"},"recipient":{"id":"phanhoi-bot"},"conversation":{"id":"{{{{{user}}}}}","isGroup":false},"text":"","attachments":[{"contentType":"image/jpeg","contentUrl":"https://example.org/a.jpg","name":"a.jpg"},{"contentType":"application/vnd.microsoft.card.hero","content":{"title":"t","buttons":[{"type":"imBack","title":"Có","value":"có"}]}}],"entities":[{"type":"Place","geo":{"latitude":19.8,"longitude":105.77,"name":"Hạc Thành"}},{"type":"ClientCapabilities","requiresBotState":true}],"channelData":{"clientActivityID":"x"}}""",
        $$$$$"""{"type":"conversationUpdate","id":"a3","channelId":"emulator","serviceUrl":"{{{{{serviceUrl}}}}}","from":{"id":"{{{{{user}}}}}"},"recipient":{"id":"phanhoi-bot"},"conversation":{"id":"{{{{{user}}}}}"},"membersAdded":[{"id":"{{{{{user}}}}}"},{"id":"phanhoi-bot"}],"membersRemoved":[]}""",
        $$$$$"""{"type":"event","name":"shareInfo","id":"a4","channelId":"emulator","serviceUrl":"{{{{{serviceUrl}}}}}","from":{"id":"{{{{{user}}}}}"},"recipient":{"id":"phanhoi-bot"},"conversation":{"id":"{{{{{user}}}}}"},"value":{"name":"Lê Văn Nam","phone":"0912345678"},"replyToId":"x1"}""",
        $$$$$"""{"type":"message","id":"a5","channelId":"emulator","serviceUrl":"{{{{{serviceUrl}}}}}","from":{"id":"{{{{{user}}}}}"},"recipient":{"id":"phanhoi-bot"},"conversation":{"id":"{{{{{user}}}}}"},"value":{"quickReply":"yes"},"suggestedActions":{"to":["{{{{{user}}}}}"],"actions":[{"type":"imBack","title":"Có","value":"có"}]},"speak":"x","inputHint":"acceptingInput","expiration":"2026-03-03T00:00:00Z","importance":"normal","deliveryMode":"normal"}""",
        $$$$$"""{"type":"typing","id":"a6","channelId":"emulator","serviceUrl":"{{{{{serviceUrl}}}}}","from":{"id":"{{{{{user}}}}}"},"recipient":{"id":"phanhoi-bot"},"conversation":{"id":"{{{{{user}}}}}"}}""",
        $$$$$"""{"type":"endOfConversation","id":"a7","channelId":"emulator","serviceUrl":"{{{{{serviceUrl}}}}}","from":{"id":"{{{{{user}}}}}"},"recipient":{"id":"phanhoi-bot"},"conversation":{"id":"{{{{{user}}}}}"},"code":"userCancelled"}""",
    ];
}
