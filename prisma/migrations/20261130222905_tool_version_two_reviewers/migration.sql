-- AlterTable
ALTER TABLE "ToolVersion" ADD COLUMN     "firstApprovalById" TEXT;

-- AddForeignKey
ALTER TABLE "ToolVersion" ADD CONSTRAINT "ToolVersion_firstApprovalById_fkey" FOREIGN KEY ("firstApprovalById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
