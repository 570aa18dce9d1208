#include "store/postgres/connection.hpp"

#include <charconv>
#include <cstring>
#include <utility>

#include "store/sql/embedded_sql.hpp"
#include "store/store.hpp"

namespace kronobarn::store::postgres {
namespace {

// Any constant works: it only has to be the same in every app server. ("kb" in ASCII.)
constexpr const char* kBeginWrite = "BEGIN ISOLATION LEVEL READ COMMITTED";
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(27234)";
// One snapshot for the whole unit of work, as a SQLite read transaction has.
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr Oid kBoolOid = 16;

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::vector<const char*> BeginCommands(std::optional<TransactionMode> begin) {
    if (!begin) return {};
    if (*begin == TransactionMode::kWrite) return {kBeginWrite, kWriterLock};
    return {kBeginRead};
}

}  // namespace

Error ErrorFromPostgres(PGconn* conn, const PGresult* result, std::string_view context) {
    std::string detail(context);
    const char* message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    detail.append(": ").append(message != nullptr ? message : "");
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (state == nullptr || PQstatus(conn) != CONNECTION_OK) return Error::Unavailable(std::move(detail));
    const std::string_view code(state);
    if (code == "23505") return Error::Conflict("error.conflict", std::move(detail));
    if (StartsWith(code, "08") || StartsWith(code, "57P") || StartsWith(code, "53") || code == "55P03" ||
        code == "40001" || code == "40P01") {
        return Error::Unavailable(std::move(detail));
    }
    return Error::Internal(std::move(detail));
}

void PostgresCursor::Slot(int index) {
    const auto size = static_cast<std::size_t>(index);
    if (values_.size() < size) {
        values_.resize(size);
        nulls_.resize(size, true);
    }
}

void PostgresCursor::BindInt(int index, std::int64_t value) {
    Slot(index);
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    values_[index - 1].assign(buffer, end);
    nulls_[index - 1] = false;
}

void PostgresCursor::BindText(int index, std::string_view value) {
    Slot(index);
    values_[index - 1].assign(value);
    nulls_[index - 1] = false;
}

void PostgresCursor::BindNull(int index) {
    Slot(index);
    values_[index - 1].clear();
    nulls_[index - 1] = true;
}

Result<bool> PostgresCursor::Step() {
    if (!executed_) {
        KB_ASSIGN_OR_RETURN(result_, connection_.Execute(name_, sql_, values_, nulls_));
        executed_ = true;
    }
    ++row_;
    return row_ < PQntuples(result_.get());
}

bool PostgresCursor::IsNull(int column) const { return PQgetisnull(result_.get(), row_, column) != 0; }

std::int64_t PostgresCursor::Int(int column) const {
    const char* text = PQgetvalue(result_.get(), row_, column);
    if (PQftype(result_.get(), column) == kBoolOid) return text[0] == 't' ? 1 : 0;
    std::int64_t value = 0;
    std::from_chars(text, text + std::strlen(text), value);
    return value;
}

std::string PostgresCursor::Text(int column) const {
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
}

void PostgresCursor::Reset() {
    result_.reset();
    executed_ = false;
    row_ = -1;
    values_.clear();
    nulls_.clear();
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(const std::string& url, int lock_timeout_ms) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        Error error = Error::Unavailable(std::string("connect to PostgreSQL: ") + PQerrorMessage(conn));
        PQfinish(conn);
        return error;
    }
    // Timestamps are ours (unix milliseconds), so the server's time zone never matters.
    std::string settings =
        "SET lock_timeout = " + std::to_string(lock_timeout_ms) + "; SET client_min_messages = warning";
    auto connection = std::unique_ptr<PostgresConnection>(new PostgresConnection(conn, url, std::move(settings)));
    KB_RETURN_IF_ERROR(connection->RunSimple(connection->settings_));
    return connection;
}

PostgresConnection::~PostgresConnection() {
    cache_.clear();  // results are freed before the connection closes
    PQfinish(conn_);
}

Result<sql::Statement> PostgresConnection::Prepare(std::string_view query_name) {
    if (auto it = cache_.find(query_name); it != cache_.end()) return sql::Statement(*it->second, it->first);
    const std::string sql = sql::QueryText(query_name, sql::Dialect::kPostgresql);
    if (sql.empty()) return Error::Internal("unknown query " + std::string(query_name));
    const std::string name(query_name);
    return PrepareCached(name, name, sql);
}

Result<sql::Statement> PostgresConnection::PrepareText(const std::string& sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return sql::Statement(*it->second, it->first);
    // Named apart from the query files' statements, which never start with "text_".
    return PrepareCached(sql, "text_" + std::to_string(cache_.size()), sql::ToPostgresParameters(sql));
}

Result<sql::Statement> PostgresConnection::PrepareCached(const std::string& key, const std::string& name,
                                                         const std::string& sql) {
    // The server learns the statement with its first execution, in the same round trip.
    auto [it, inserted] = cache_.emplace(key, std::make_unique<PostgresCursor>(*this, name, sql));
    return sql::Statement(*it->second, it->first);
}

Result<PgResult> PostgresConnection::Execute(const std::string& name, const std::string& sql,
                                             const std::vector<std::string>& values, const std::vector<bool>& nulls) {
    KB_RETURN_IF_ERROR(AwaitRollback());
    std::vector<const char*> params(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) params[i] = nulls[i] ? nullptr : values[i].c_str();
    const auto begin = std::exchange(pending_begin_, std::nullopt);
    Result<PgResult> result = RunPipeline(begin, name, sql, params);
    if (!result && LostBeforeRunning(begin)) {
        KB_RETURN_IF_ERROR(Reconnect());
        result = RunPipeline(begin, name, sql, params);
    }
    if (!result) return result;
    PGresult* answer = result->get();
    const std::string_view command(PQcmdStatus(answer));
    const char* tuples = PQcmdTuples(answer);
    changed_rows_ = 0;
    std::from_chars(tuples, tuples + std::strlen(tuples), changed_rows_);
    if (StartsWith(command, "INSERT") && PQntuples(answer) > 0 && PQnfields(answer) > 0) {
        const char* id = PQgetvalue(answer, 0, 0);
        std::from_chars(id, id + std::strlen(id), last_insert_id_);
    }
    return result;
}

Result<PgResult> PostgresConnection::RunPipeline(std::optional<TransactionMode> begin, const std::string& name,
                                                 const std::string& sql, const std::vector<const char*>& params) {
    const bool prepare = !prepared_on_server_.contains(name);
    const int count = static_cast<int>(params.size());
    if (!begin && !prepare) {
        PgResult result(PQexecPrepared(conn_, name.c_str(), count, params.data(), nullptr, nullptr, 0));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) return result;
        return ErrorFromPostgres(conn_, result.get(), "execute " + name);
    }
    if (PQenterPipelineMode(conn_) == 0) return ErrorFromPostgres(conn_, nullptr, "pipeline " + name);
    const std::vector<const char*> commands = BeginCommands(begin);
    bool sent = true;
    for (const char* command : commands) {
        sent = sent && PQsendQueryParams(conn_, command, 0, nullptr, nullptr, nullptr, nullptr, 0) != 0;
    }
    if (prepare) sent = sent && PQsendPrepare(conn_, name.c_str(), sql.c_str(), 0, nullptr) != 0;
    sent = sent && PQsendQueryPrepared(conn_, name.c_str(), count, params.data(), nullptr, nullptr, 0) != 0;
    sent = sent && PQpipelineSync(conn_) != 0;
    // Every command answers with its result and then a null; the sync point answers last. After a
    // failed command the rest answer "aborted": the first real error is the one to report.
    const std::size_t statement = commands.size() + (prepare ? 1 : 0);
    std::size_t answered = 0;
    PgResult last;
    std::optional<Error> error;
    while (sent && PQstatus(conn_) == CONNECTION_OK) {
        PgResult result(PQgetResult(conn_));
        if (!result) {
            if (++answered > statement + 1) break;  // never without a sync point; a guard, not a path
            continue;
        }
        const ExecStatusType status = PQresultStatus(result.get());
        if (status == PGRES_PIPELINE_SYNC) break;
        const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
        if (!ok && status != PGRES_PIPELINE_ABORTED && !error)
            error = ErrorFromPostgres(conn_, result.get(), "execute " + name);
        if (ok && prepare && answered == statement - 1) prepared_on_server_.insert(name);
        if (answered == statement && ok) last = std::move(result);
    }
    if (PQstatus(conn_) == CONNECTION_OK) PQexitPipelineMode(conn_);
    if (!error && (!last || !sent)) error = ErrorFromPostgres(conn_, nullptr, "execute " + name);
    if (error) return *error;
    return last;
}

Status PostgresConnection::AwaitRollback() {
    if (!std::exchange(rollback_in_flight_, false)) return Ok();
    while (PgResult(PQgetResult(conn_))) {
    }  // a failed ROLLBACK leaves nothing to undo
    if (PQstatus(conn_) != CONNECTION_OK) return ErrorFromPostgres(conn_, nullptr, "rollback");
    return Ok();
}

Status PostgresConnection::Reconnect() {
    PGconn* fresh = PQconnectdb(url_.c_str());
    if (PQstatus(fresh) != CONNECTION_OK) {
        Error error = Error::Unavailable(std::string("connect to PostgreSQL: ") + PQerrorMessage(fresh));
        PQfinish(fresh);
        return error;
    }
    PQfinish(conn_);
    conn_ = fresh;
    prepared_on_server_.clear();
    rollback_in_flight_ = false;
    return RunSimple(settings_);
}

Status PostgresConnection::RunSimple(const std::string& sql) {
    const PgResult result(PQexec(conn_, sql.c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return ErrorFromPostgres(conn_, result.get(), "exec");
    return Ok();
}

Status PostgresConnection::Exec(const char* sql) {
    KB_RETURN_IF_ERROR(AwaitRollback());
    const auto begin = std::exchange(pending_begin_, std::nullopt);
    // The simple protocol takes several statements in one message: the BEGIN goes along.
    std::string with_begin;
    for (const char* command : BeginCommands(begin)) with_begin.append(command).append("; ");
    with_begin.append(sql);
    auto done = RunSimple(with_begin);
    if (!done && LostBeforeRunning(begin)) {
        KB_RETURN_IF_ERROR(Reconnect());
        done = RunSimple(with_begin);
    }
    return done;
}

Status PostgresConnection::Begin(TransactionMode mode) {
    // A dead connection says so here, where the pool can still take another one.
    KB_RETURN_IF_ERROR(AwaitRollback());
    if (PQstatus(conn_) != CONNECTION_OK) return ErrorFromPostgres(conn_, nullptr, "begin");
    pending_begin_ = mode;
    return Ok();
}

Status PostgresConnection::Commit() {
    KB_RETURN_IF_ERROR(AwaitRollback());
    if (std::exchange(pending_begin_, std::nullopt)) return Ok();  // nothing ran, nothing to keep
    const PgResult result(PQexec(conn_, "COMMIT"));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        return ErrorFromPostgres(conn_, result.get(), "commit");
    }
    // COMMIT of a transaction an earlier statement aborted answers "ROLLBACK": nothing was written.
    const bool rolled_back = std::string_view(PQcmdStatus(result.get())) == "ROLLBACK";
    if (rolled_back) return Error::Internal("commit: the transaction had failed and was rolled back");
    return Ok();
}

void PostgresConnection::Rollback() {
    if (std::exchange(pending_begin_, std::nullopt)) return;  // never reached the server
    if (!AwaitRollback() || PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    // Its answer is collected by whatever uses the connection next; the server ends the
    // transaction (and lets go of any lock) as soon as the message arrives.
    rollback_in_flight_ = PQsendQuery(conn_, "ROLLBACK") != 0;
}

}  // namespace kronobarn::store::postgres
