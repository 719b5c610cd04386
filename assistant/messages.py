"""Every Vietnamese string the user sees, in one place (CLI, answers, chat UI).

Keeping them here lets a translator or an editor review the product's voice in one file and
keeps the other modules in English.
"""
from __future__ import annotations



# Questions as they come
EMPTY_QUESTION = "Bạn muốn hỏi gì về chuyển đổi số? Hãy nhập một câu hỏi, ví dụ: " \
                 "“Hải Dương có bao nhiêu sản phẩm OCOP?”"
QUESTION_SHORTENED = ("Câu hỏi quá dài ({total} ký tự) nên chỉ {kept} ký tự đầu được dùng để "
                      "tìm kiếm.")

# Answers
NOT_FOUND = "Không tìm thấy thông tin này trong các bài viết."
RELATED_INTRO = "Các đoạn gần nhất có thể liên quan:"
SOURCES = "Nguồn"
NO_DATE = "không ghi ngày"
LLM_FALLBACK = "Không kết nối được mô hình ngôn ngữ ({reason}); câu trả lời dưới đây được " \
               "trích trực tiếp từ bài viết."
LLM_DROPPED = "Đã bỏ {n} câu không kiểm chứng được bằng nguồn trích dẫn."
FOLLOWUP_RESOLVED = "Hiểu câu hỏi là: “{question}”"

# Terminal chat
CHAT_WELCOME = "Hỏi về các bài viết chuyển đổi số (gõ /xoa để bắt đầu cuộc trò chuyện mới, " \
               "Ctrl-D để thoát)."
CHAT_PROMPT = "Bạn: "
CHAT_CLEARED = "Đã xóa lịch sử trò chuyện."

# Index and CLI
INDEX_MISSING = "Chưa có chỉ mục trong {path}; đang xây dựng..."
INDEX_DAMAGED = "Chỉ mục hỏng hoặc không đọc được ({reason}); đang xây dựng lại từ thư mục docs/."
INDEX_UNCHANGED = "Chỉ mục đã cập nhật: {articles} bài, {chunks} đoạn."
INDEX_BUILT = "Đã xây dựng chỉ mục: {articles} bài, {chunks} đoạn ({embedded} đoạn mới được " \
              "mã hóa, {cached} lấy từ bộ nhớ đệm) trong {seconds:.1f} giây."
INDEX_UPDATED = "Đã cập nhật chỉ mục: thêm {added}, sửa {changed}, xóa {removed}; " \
                "{articles} bài, {chunks} đoạn, trong {seconds:.1f} giây."
INDEX_FAILED = "Không xây dựng được chỉ mục: {reason}"
FILE_SKIPPED = "Bỏ qua tệp {error}"
NO_HITS = "Không tìm thấy đoạn nào phù hợp."
NO_ARTICLES = "Thư mục {path} không có bài viết nào (.txt, .md, .html)."

# Index: damaged files, readers and writers, progress, article size (issue 9: 4, 6, 7)
INDEX_FILE_REPAIRED = "Bộ nhớ đệm của chỉ mục bị hỏng ({problem}); đã bỏ đi, các đoạn sẽ được mã hóa lại."
INDEX_WAITING = "Một tiến trình khác đang cập nhật chỉ mục {path}; đang chờ tiến trình đó xong..."
INDEX_BUSY = "Một tiến trình khác đang cập nhật chỉ mục; tạm dùng bản dựng trước ({articles} bài, " \
             "{chunks} đoạn)."
INDEX_PROGRESS = "Đang mã hóa: {done}/{total} câu ({percent:.0f}%)."
ARTICLE_TOO_LARGE = "bài dài {chars} ký tự, vượt giới hạn {limit} ký tự một bài " \
                    "(ASSISTANT_MAX_ARTICLE_CHARS)"

# Article library
ARTICLE_ADDED = "Đã thêm bài “{title}” ({chunks} đoạn) — có thể hỏi ngay."
ARTICLE_REMOVED = "Đã xóa bài “{title}” khỏi thư viện."
ARTICLE_REJECTED = "Không thêm được bài viết: {reason}. Thư viện hiện có không thay đổi."
ARTICLE_EXISTS = "Đã có bài với mã “{id}”; hãy đổi tiêu đề hoặc xóa bài cũ trước."
ARTICLE_EMPTY = "bài viết không có nội dung"
ARTICLE_BAD_TYPE = "chỉ nhận tệp .txt, .md hoặc .html"
ARTICLE_NOT_FOUND = "Không có bài với mã “{id}”."

# Web UI
UI_TITLE = "Trợ lý hỏi đáp chuyển đổi số"
UI_INTRO = "Hỏi bằng tiếng Việt, có dấu hoặc không dấu. Mỗi ý trong câu trả lời có số [n] " \
           "trỏ tới đúng câu trong bài báo; bấm vào nguồn để đọc cả bài."
UI_TAB_CHAT = "Trò chuyện"
UI_TAB_LIBRARY = "Thư viện bài viết"
UI_INPUT = "Câu hỏi của bạn"
UI_INPUT_PLACEHOLDER = "Ví dụ: Hải Dương có bao nhiêu sản phẩm OCOP?"
UI_SEND = "Gửi"
UI_CLEAR = "Cuộc trò chuyện mới"
UI_EXAMPLES = "Câu hỏi mẫu"
UI_SETTINGS = "Tùy chọn"
UI_K = "Số đoạn văn đọc"
UI_MODE = "Cách trả lời"
UI_MODE_EXTRACTIVE = "Trích nguyên văn (không cần LLM)"
UI_MODE_LLM = "Mô hình ngôn ngữ (LLM)"
UI_MODE_LLM_MISSING = "Chưa cấu hình LLM (ASSISTANT_LLM_MODEL, ASSISTANT_LLM_BASE_URL)."
UI_SHOW_SCORES = "Hiện điểm truy hồi"
UI_SOURCE_PICK = "Mở nguồn"
UI_ARTICLE = "Bài viết"
UI_ARTICLE_EMPTY = "Chọn một nguồn để đọc toàn bài, câu được trích sẽ được tô sáng."
UI_SCORE = "hạng {rank}, điểm {score:.3f}"
UI_CONFIDENCE = "Độ tin cậy bằng chứng: {value:.2f}"
UI_LIB_HEADERS = ["Tiêu đề", "Ngày", "Nguồn", "Số đoạn", "Mã"]
UI_UPLOAD = "Tải lên tệp .txt, .md hoặc .html"
UI_PASTE = "Hoặc dán nội dung bài viết"
UI_PASTE_TITLE = "Tiêu đề"
UI_PASTE_DATE = "Ngày (YYYY-MM-DD)"
UI_PASTE_SOURCE = "Nguồn / báo"
UI_ADD = "Thêm bài viết"
UI_ADDING = "Đang làm sạch và lập chỉ mục bài viết..."
UI_REMOVE_PICK = "Chọn bài để xóa"
UI_REMOVE = "Xóa bài viết"
UI_NOTHING_TO_ADD = "Hãy tải lên một tệp hoặc dán nội dung bài viết."
UI_FEEDBACK_THANKS = "Cảm ơn bạn đã đánh giá câu trả lời."
UI_AUTH_REQUIRED = "Phục vụ trên địa chỉ {host} (không phải loopback) cần đặt ASSISTANT_UI_USERNAME " \
                   "và ASSISTANT_UI_PASSWORD; máy chủ không khởi động."
UI_READY = "Trợ lý sẵn sàng tại {url} (khởi động {seconds:.1f} giây)."

# LLM mode
LLM_SYSTEM_PROMPT = (
    "Bạn là trợ lý trả lời câu hỏi về chuyển đổi số bằng tiếng Việt. Chỉ được dùng thông tin "
    "trong các đoạn văn được đánh số [1], [2], ... dưới đây, không dùng hiểu biết riêng. "
    "Trả lời ngắn gọn, mỗi câu kết thúc bằng số của đoạn văn làm căn cứ, ví dụ [1] hoặc [1][2]. "
    "Giữ nguyên số liệu, tên người, tên địa danh và ngày tháng như trong đoạn văn. "
    "Nếu các đoạn văn không trả lời được câu hỏi, chỉ viết đúng câu: \"" + NOT_FOUND + "\"")
LLM_PASSAGE = "[{n}] {title} ({date})\n{text}"
LLM_USER = "Các đoạn văn:\n\n{passages}\n\nCâu hỏi: {question}"
LLM_REASON_TIMEOUT = "hết thời gian chờ"
LLM_REASON_CONNECTION = "không kết nối được"
LLM_REASON_OTHER = "máy chủ trả lỗi"
