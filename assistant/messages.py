"""Every Vietnamese string the user sees, in one place (CLI, answers, chat UI).

Keeping them here lets a translator or an editor review the product's voice in one file and
keeps the other modules in English.
"""
from __future__ import annotations



# Questions as they come
EMPTY_QUESTION = "Bạn muốn hỏi gì về chuyển đổi số? Hãy nhập một câu hỏi, ví dụ: " \
                 "“Hải Dương có bao nhiêu sản phẩm OCOP?”"
QUESTION_SHORTENED = "Câu hỏi quá dài nên chỉ {kept} trên {total} ký tự đầu được dùng để tìm kiếm."

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

# Article library
ARTICLE_ADDED = "Đã thêm bài “{title}” ({chunks} đoạn) — có thể hỏi ngay."
ARTICLE_REMOVED = "Đã xóa bài “{title}” khỏi thư viện."
ARTICLE_REJECTED = "Không thêm được bài viết: {reason}. Thư viện hiện có không thay đổi."
ARTICLE_EXISTS = "Đã có bài với mã “{id}”; hãy đổi tiêu đề hoặc xóa bài cũ trước."
ARTICLE_EMPTY = "bài viết không có nội dung"
ARTICLE_BAD_TYPE = "chỉ nhận tệp .txt, .md hoặc .html"
ARTICLE_NOT_FOUND = "Không có bài với mã “{id}”."
